using Conformance.Core.Functions;
using Conformance.Targets.UserCode;

namespace Conformance.Targets.Tests.UserCode;

/// <summary>How a function's runtime starts, and the clear problem when it cannot start here.</summary>
public sealed class RuntimeLaunchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("launch-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string? Problem(string handler, string runtime) => RuntimeLaunch.For("orders", new FunctionCode(folder, handler, runtime)).Problem;

    [Fact]
    public void A_runtime_that_cannot_run_here_is_named_with_what_to_use_instead() =>
        Problem("app.handler", "java21").ShouldBe("function \"orders\": the runtime java21 cannot run here; use a nodejs*, python3.* or provided.* runtime (for .NET or Java, a bootstrap executable with provided.al2023).");

    [Fact]
    public void A_custom_runtime_needs_an_executable_bootstrap()
    {
        Problem("x", "provided.al2023").ShouldBe($"function \"orders\": the runtime provided.al2023 runs an executable named bootstrap, and {folder} has none.");
        File.WriteAllText(Path.Combine(folder, "bootstrap"), "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(folder, "bootstrap"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Problem("x", "provided.al2023").ShouldBe($"function \"orders\": {Path.Combine(folder, "bootstrap")} is not executable (chmod +x it).");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(folder, "bootstrap"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (launch, problem) = RuntimeLaunch.For("orders", new FunctionCode(folder, "x", "provided.al2"));
        problem.ShouldBeNull();
        launch!.Program.ShouldBe(Path.Combine(folder, "bootstrap"));
    }

    [Fact]
    public void A_python_that_cannot_import_the_runtime_interface_client_is_named()
    {
        if (OperatingSystem.IsWindows()) return;
        string Python(string name, int exitCode)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, $"#!/bin/sh\n[ \"$1 $2\" = \"-c import awslambdaric\" ] || exit 3\nexit {exitCode}\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }
        var without = Python("python-without", 1);
        var with = Python("python-with", 0);

        RuntimeLaunch.RuntimeInterfaceClientProblem("orders", "python3.12", without)
            .ShouldBe($"function \"orders\": the runtime python3.12 runs the handler under AWS's runtime interface client, and {without} cannot import it (pip install awslambdaric).");
        RuntimeLaunch.RuntimeInterfaceClientProblem("orders", "python3.12", with).ShouldBeNull();
    }

    [Fact]
    public void A_code_folder_that_does_not_exist_is_named() =>
        RuntimeLaunch.For("orders", new FunctionCode(Path.Combine(folder, "gone"), "app.handler", "nodejs20.x")).Problem
            .ShouldBe($"function \"orders\": its code folder {Path.Combine(folder, "gone")} does not exist.");
}

/// <summary>The Node.js checks, which need Node on the PATH.</summary>
[Trait("Tier", "integration")]
public sealed class NodeRuntimeLaunchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("launch-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string? Problem(string handler) => RuntimeLaunch.For("orders", new FunctionCode(folder, handler, "nodejs20.x")).Problem;

    [Fact]
    public void A_handler_file_that_does_not_exist_is_named_with_the_extensions_tried() =>
        Problem("src/orders.handler").ShouldBe($"function \"orders\": the handler file src/orders.js (or .mjs, .cjs) does not exist in {folder}.");

    [Fact]
    public void A_handler_without_an_export_name_is_refused() =>
        Problem("orders").ShouldBe("function \"orders\": the handler \"orders\" is not of the form file.export (e.g. src/orders.handler).");

    [Fact]
    public void An_existing_module_runs_under_the_kit_s_bootstrap()
    {
        File.WriteAllText(Path.Combine(folder, "orders.mjs"), "export const handler = async () => 1;");
        var (launch, problem) = RuntimeLaunch.For("orders", new FunctionCode(folder, "orders.handler", "nodejs20.x"));
        problem.ShouldBeNull();
        launch!.Arguments.ShouldBe([RuntimeLaunch.NodeBootstrap]);
        File.Exists(RuntimeLaunch.NodeBootstrap).ShouldBeTrue();
    }
}
