using Conformance.Targets.Emulator;

namespace Conformance.Targets.ServerlessAwsLambda;

/// <summary>
/// The serverless-aws-lambda target's run: its pinned install (<c>emulator-aws-lambda/</c>, installed on
/// first use like the serverless-offline stack) and a work folder. It has no shared servers: each
/// scenario's process serves its functions, its API routes and its SQS itself.
/// </summary>
public sealed class AwsLambdaStack : IAsyncDisposable
{
    /// <summary>The folder of the stack's pinned package files.</summary>
    public const string Folder = "emulator-aws-lambda";

    private readonly CancellationTokenSource stopping = new();
    private int scenarios;

    private AwsLambdaStack(EmulatorInstallation installation, string workDirectory)
    {
        Installation = installation;
        WorkDirectory = workDirectory;
    }

    public EmulatorInstallation Installation { get; }

    public string WorkDirectory { get; }

    /// <summary>Cancelled when the run is interrupted: every wait of every scenario ends at once.</summary>
    public CancellationToken Stopping => stopping.Token;

    public static async Task<AwsLambdaStack> StartAsync(TextWriter progress, CancellationToken cancellation = default)
    {
        var installation = EmulatorInstallation.Locate(Folder);
        await installation.EnsureInstalledAsync(progress, cancellation);
        return new AwsLambdaStack(installation, Directory.CreateTempSubdirectory("lambda-conformance-aws-lambda-").FullName);
    }

    public void Interrupt() => stopping.Cancel();

    public AwsLambdaTarget CreateTarget() => new(this, Interlocked.Increment(ref scenarios));

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a process still closing a file: the temporary folder goes with the machine's clean-up
        }
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
