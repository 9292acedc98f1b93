using System.Diagnostics;
using System.Text;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// The <c>conformance</c> command as a real child process (for signals and killed servers), run in a
/// temporary folder holding one feature file, with its own TMPDIR so that every process it starts can
/// be found by that folder. Disposing kills whatever is still running and removes the folder.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("cli-process");
    private readonly Process process;
    private readonly StringBuilder output = new();

    public CliProcess(string featureName, string featureText, params string[] arguments)
    {
        Directory.CreateDirectory(Path("features"));
        File.WriteAllText(Path("features", featureName), featureText);
        Temp = Directory.CreateDirectory(Path("tmp")).FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["TMPDIR"] = Temp;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The command's TMPDIR: every process it starts mentions it.</summary>
    public string Temp { get; }

    /// <summary>A path in the command's working folder.</summary>
    public string Path(params string[] parts) => System.IO.Path.Combine([work.FullName, .. parts]);

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
        work.Delete(recursive: true);
    }
}
