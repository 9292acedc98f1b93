using System.Diagnostics;
using System.Text;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// The <c>conformance</c> command as a real child process (for signals and killed servers), in a working
/// directory with its own TMPDIR, so that every process it starts can be found by that folder. Disposing
/// kills whatever is still running.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public CliProcess(string workingDirectory, string temporaryDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["TMPDIR"] = temporaryDirectory;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything the command printed so far, standard output and error interleaved.</summary>
    public string Text
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>Waits until the command has printed <paramref name="text"/> (or has ended, or the time is up).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Text.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(200);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var grace = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(grace.Token);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
