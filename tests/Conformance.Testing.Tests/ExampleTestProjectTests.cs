using System.Diagnostics;
using Conformance.Tests.Shared;

namespace Conformance.Testing.Tests;

/// <summary>
/// The example test project (examples/order-processing/tests) against the packed library, from a local
/// feed, as a team would use it: the fixed handler passes, its first version fails with the evidence.
/// </summary>
[Trait("Tier", "integration")]
public sealed class ExampleTestProjectTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("example-tests-").FullName;
    private readonly string version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var unpacked = Path.Combine(cache, "lambdaconformancekit.testing", version);
        if (Directory.Exists(unpacked)) Directory.Delete(unpacked, recursive: true); // a test version, never to be reused
    }

    [Fact]
    public async Task The_example_test_project_passes_with_the_fixed_handler_and_fails_with_its_first_version()
    {
        var example = Path.Combine(root, "examples", "order-processing");
        Copy(Path.Combine(RepositoryPaths.Root, "examples", "order-processing"), example);
        var pack = await DotnetAsync(RepositoryPaths.Root, "pack", Path.Combine("src", "Conformance.Testing"), "-c", "Debug", "--no-build", "-p:BuildProjectReferences=false", "-o", Path.Combine(root, "artifacts"), $"-p:Version={version}");
        pack.ExitCode.ShouldBe(0, pack.Output);
        var tests = Path.Combine(example, "tests", "OrderProcessing.Tests");

        var fixedVersion = await DotnetAsync(tests, "test");
        File.Copy(Path.Combine(example, "conformance.first-version.json"), Path.Combine(example, "conformance.json"), overwrite: true);
        var firstVersion = await DotnetAsync(tests, "test");

        fixedVersion.ExitCode.ShouldBe(0, fixedVersion.Output);
        fixedVersion.Output.ShouldContain("succeeded: 1");
        firstVersion.ExitCode.ShouldNotBe(0, firstVersion.Output);
        firstVersion.Output.ShouldContain("Some orders were taken more than once.");
        firstVersion.Output.ShouldContain("observed: order-1, order-3");
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "reports")) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private async Task<(int ExitCode, string Output)> DotnetAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LambdaConformanceKitVersion"] = version; // MSBuild reads it as the property
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }
}
