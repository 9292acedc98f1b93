using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Core.Functions;

namespace Conformance.Targets.UserCode;

/// <summary>
/// How an execution environment starts a runtime, and whether this machine has it: Node.js handlers run
/// under the kit's Node bootstrap, custom runtimes (<c>provided.*</c>) under the code's own
/// <c>bootstrap</c> executable, Python under the runtime interface client (<c>awslambdaric</c>).
/// </summary>
public sealed record RuntimeLaunch(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The Node bootstrap shipped with the kit (<c>src/runtime/node-bootstrap.cjs</c>).</summary>
    public static string NodeBootstrap => Path.Combine(AppContext.BaseDirectory, "runtime", "node-bootstrap.cjs");

    /// <summary>How to start <paramref name="code"/>'s runtime, or why it cannot start here (naming the function).</summary>
    public static (RuntimeLaunch? Launch, string? Problem) For(string function, FunctionCode code)
    {
        if (!Directory.Exists(code.Directory)) return (null, $"function \"{function}\": its code folder {code.Directory} does not exist.");
        if (code.IsNode)
        {
            if (FindOnPath("node") is not { } node) return (null, $"function \"{function}\": the runtime {code.Runtime} needs Node.js, and `node` is not on the PATH.");
            var dot = code.Handler.LastIndexOf('.');
            if (dot <= 0) return (null, $"function \"{function}\": the handler \"{code.Handler}\" is not of the form file.export (e.g. src/orders.handler).");
            var file = code.Handler[..dot];
            if (!new[] { ".js", ".mjs", ".cjs" }.Any(ext => File.Exists(Path.Combine(code.Directory, file + ext))))
                return (null, $"function \"{function}\": the handler file {file}.js (or .mjs, .cjs) does not exist in {code.Directory}.");
            return (new RuntimeLaunch(node, [NodeBootstrap]), null);
        }
        if (code.IsCustom)
        {
            var bootstrap = Path.Combine(code.Directory, "bootstrap");
            if (!File.Exists(bootstrap)) return (null, $"function \"{function}\": the runtime {code.Runtime} runs an executable named bootstrap, and {code.Directory} has none.");
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) == 0)
                return (null, $"function \"{function}\": {bootstrap} is not executable (chmod +x it).");
            return (new RuntimeLaunch(bootstrap, []), null);
        }
        if (code.IsPython)
        {
            if (FindOnPath("python3") is not { } python) return (null, $"function \"{function}\": the runtime {code.Runtime} needs python3, and it is not on the PATH.");
            if (RuntimeInterfaceClientProblem(function, code.Runtime, python) is { } missing) return (null, missing);
            return (new RuntimeLaunch(python, ["-m", "awslambdaric", code.Handler]), null);
        }
        return (null, $"function \"{function}\": the runtime {code.Runtime} cannot run here; use a nodejs*, python3.* or provided.* runtime (for .NET or Java, a bootstrap executable with provided.al2023).");
    }

    private static readonly ConcurrentDictionary<string, bool> ImportsClient = new(StringComparer.Ordinal);

    /// <summary>
    /// Why <paramref name="python"/> cannot run a handler: it cannot import the runtime interface client (each
    /// interpreter asked once). Without this check the process would only die during init, its cause unseen.
    /// </summary>
    public static string? RuntimeInterfaceClientProblem(string function, string runtime, string python) =>
        ImportsClient.GetOrAdd(python, CanImportClient) ? null
            : $"function \"{function}\": the runtime {runtime} runs the handler under AWS's runtime interface client, and {python} cannot import it (pip install awslambdaric).";

    private static bool CanImportClient(string python)
    {
        var start = new ProcessStartInfo(python, ["-c", "import awslambdaric"]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = StartOrNull(start);
        if (process is null) return false;
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
        output.Wait();
        return process.ExitCode == 0;
    }

    /// <summary>The process, or null when the file cannot be run at all (not executable, not a program).</summary>
    private static Process? StartOrNull(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
