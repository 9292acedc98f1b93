using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conformance.Targets.Processes;

/// <summary>
/// A long-running child process (an emulator, a server): started with its output captured, waited on
/// until it prints a ready line, and always stopped with its whole process tree on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, bool> isReady;
    private const int KeptLines = 200;

    private ChildProcess(Process process, Func<string, bool> isReady)
    {
        this.process = process;
        this.isReady = isReady;
    }

    public string Name { get; private init; } = "";

    public int Id { get; private set; }

    public bool HasExited => disposed || process.HasExited;

    private bool disposed;

    /// <summary>The last lines the process wrote (stdout and stderr), for diagnostics.</summary>
    public string RecentOutput => string.Join('\n', lines);

    /// <summary>Raised when the process ends without being stopped by <see cref="DisposeAsync"/> (it crashed or was killed).</summary>
    public event Action<ChildProcess>? ExitedByItself;

    /// <summary>The exit code once the process has ended ("?" when it cannot be read).</summary>
    public string ExitCode => SafeExitCode(process);

    private volatile bool stopping;

    /// <summary>Raised for every line the process writes.</summary>
    public event Action<string>? LineWritten;

    public static ChildProcess Start(string name, string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, Func<string, bool> isReady, bool inheritEnvironment = true)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!inheritEnvironment) start.Environment.Clear();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, isReady) { Name = name };
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            child.ready.TrySetException(new ChildProcessExitedException());
            if (!child.stopping) child.ExitedByItself?.Invoke(child);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ChildProcessFailedException($"{name} could not be started: '{program}' was not found or cannot run ({ex.Message}).", "");
        }
        child.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the ready line; throws <see cref="ChildProcessFailedException"/> with the output when the process exits or the time runs out.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        try
        {
            return await ready.Task.WaitAsync(timeout, cancellation);
        }
        catch (TimeoutException)
        {
            throw new ChildProcessFailedException($"{Name} was not ready within {timeout.TotalSeconds:0} s.", RecentOutput);
        }
        catch (ChildProcessExitedException)
        {
            // The exit can be seen before the last lines are read; they are the evidence, so wait for them.
            await DrainOutputAsync();
            throw new ChildProcessFailedException($"{Name} exited (code {ExitCode}) before it was ready.", RecentOutput);
        }
    }

    private async Task DrainOutputAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await process.WaitForExitAsync(grace.Token); // returns once stdout and stderr reached their end
        }
        catch (OperationCanceledException)
        {
            // a grandchild still holds the pipes open; what was read so far has to do
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code; kills it when the time runs out.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new ChildProcessFailedException($"{Name} did not finish within {timeout.TotalMinutes:0} minutes.", RecentOutput);
        }
        return process.ExitCode;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        while (lines.Count > KeptLines) lines.TryDequeue(out _);
        if (isReady(line)) ready.TrySetResult(line);
        Traffic.Log(Name, line);
        LineWritten?.Invoke(line);
    }

    private static string SafeExitCode(Process process)
    {
        try { return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (InvalidOperationException) { return "?"; }
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(grace.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refused to die within the grace period; nothing more can be done.
        }
        process.Dispose();
        disposed = true;
    }
}

/// <summary>The process ended before its ready line; turned into a <see cref="ChildProcessFailedException"/> once its output is read.</summary>
internal sealed class ChildProcessExitedException : Exception;

/// <summary>A child process that failed to start or to become ready; <see cref="Output"/> holds what it printed.</summary>
public sealed class ChildProcessFailedException(string message, string output) : Exception(message)
{
    public string Output { get; } = output;
}
