using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Conformance.Targets.Http;
using Conformance.Targets.Processes;
using Conformance.Targets.Sources;
using Arn = Conformance.Core.Resources.Arn;

namespace Conformance.Targets.Emulator;

/// <summary>
/// The local emulator stack of a run (no Lambda behaviour is assumed here: what it does is what the
/// run finds out). Shared by every scenario: the SQS and Kinesis servers (one Node process,
/// <c>emulator/backends.cjs</c>), DynamoDB Local (Java) and the probe's observation sink, each on a
/// free loopback port. Each scenario gets an <see cref="EmulatorTarget"/> with its own serverless-offline
/// process and resource names. Disposing stops every process and removes the run's files.
/// </summary>
public sealed class EmulatorStack : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string AccountId = "123456789012";
    private static readonly BasicAWSCredentials LocalCredentials = new("local", "local");

    private readonly List<ChildProcess> processes = [];
    private readonly CancellationTokenSource stopping = new();
    private int scenarios;

    private EmulatorStack(EmulatorInstallation installation, string workDirectory, ObservationSink sink)
    {
        Installation = installation;
        WorkDirectory = workDirectory;
        Sink = sink;
    }

    public EmulatorInstallation Installation { get; }

    public string WorkDirectory { get; }

    public ObservationSink Sink { get; }

    public int SqsPort { get; private set; }

    public int KinesisPort { get; private set; }

    public int DynamoDbPort { get; private set; }

    public AmazonSQSClient Sqs { get; private set; } = null!;

    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public KinesisApi Kinesis { get; private set; } = null!;

    public SqsQueues Queues { get; private set; } = null!;

    public DynamoDbTables Tables { get; private set; } = null!;

    /// <summary>The processes the stack runs now (for tests that check nothing is left behind).</summary>
    public IReadOnlyList<ChildProcess> Processes => processes;

    /// <summary>Installs the stack on first use, starts its servers and waits until each answers.</summary>
    public static async Task<EmulatorStack> StartAsync(TextWriter progress, CancellationToken cancellation = default)
    {
        var installation = EmulatorInstallation.Locate();
        await installation.EnsureInstalledAsync(progress, cancellation);
        var work = Directory.CreateTempSubdirectory("lambda-conformance-emulator-").FullName;
        var stack = new EmulatorStack(installation, work, new ObservationSink(FreePorts.Next()));
        try
        {
            await stack.StartServersAsync(progress, cancellation);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartServersAsync(TextWriter progress, CancellationToken cancellation)
    {
        (SqsPort, KinesisPort, DynamoDbPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        await progress.WriteLineAsync("Starting the emulator servers (SQS, Kinesis, DynamoDB Local) on loopback ...");
        var servers = Start("emulator servers (local-aws-sqs, kinesalite)", "node",
            // The run's folder in the command line marks the process as this run's (tests look for leftovers by it).
            [Path.Combine(Installation.InstalledDirectory, "backends.cjs"), $"{SqsPort}", $"{KinesisPort}", WorkDirectory],
            Installation.InstalledDirectory, null,
            line => line.StartsWith("READY ", StringComparison.Ordinal));
        var dynamoDirectory = Path.Combine(Installation.NodeModules, "amplify-dynamodb-simulator", "emulator");
        var dynamo = Start("DynamoDB Local (java)", "node", Installation.Guarded("java",
            // The run's folder in the command line marks the process as this run's (tests look for leftovers by it).
            [$"-Dlambda.conformance.run={WorkDirectory}", "-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-port", $"{DynamoDbPort}", "-inMemory", "-sharedDb", "-disableTelemetry"]),
            dynamoDirectory, null, line => line.Contains("CorsParams", StringComparison.Ordinal));
        try
        {
            await servers.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellation);
            await dynamo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellation);
        }
        catch (ChildProcessFailedException ex)
        {
            // e.g. Java missing (the guard reports "could not start java"), or a port taken meanwhile
            throw new TargetUnavailableException($"{ex.Message}\n{ex.Output}");
        }
        await WaitForPortAsync(DynamoDbPort, "DynamoDB Local", cancellation);
        servers.ExitedByItself += OnServerLost;
        dynamo.ExitedByItself += OnServerLost;

        Sqs = new AmazonSQSClient(LocalCredentials, new AmazonSQSConfig { ServiceURL = $"http://127.0.0.1:{SqsPort}", AuthenticationRegion = Region });
        DynamoDb = new AmazonDynamoDBClient(LocalCredentials, new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{DynamoDbPort}", AuthenticationRegion = Region });
        Kinesis = new KinesisApi(SignedHttp.Create(LocalCredentials, Region, "kinesis", new Uri($"http://127.0.0.1:{KinesisPort}")));
        Queues = new SqsQueues(Sqs, QueueUrl, QueueArn);
        Tables = new DynamoDbTables(DynamoDb);
    }

    private ChildProcess Start(string name, string program, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment, Func<string, bool> isReady)
    {
        try
        {
            var process = ChildProcess.Start(name, program, arguments, directory, environment, isReady);
            processes.Add(process);
            return process;
        }
        catch (ChildProcessFailedException ex)
        {
            throw new TargetUnavailableException(ex.Message);
        }
    }

    /// <summary>
    /// Waits until a server that said it is ready accepts connections: up to 60 s, as long as its ready
    /// line may take (a guard against a server that never listens, not a timing check: on a loaded
    /// machine DynamoDB Local has taken more than 10 s between the two).
    /// </summary>
    private static async Task WaitForPortAsync(int port, string name, CancellationToken cancellation)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (FreePorts.IsListening(port)) return;
            await Task.Delay(100, cancellation);
        }
        throw new TargetUnavailableException($"{name} does not answer on 127.0.0.1:{port} (60 s after it said it was ready).");
    }

    /// <summary>Cancelled when the run is interrupted or the stack is lost: every wait of every scenario's target ends at once.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>
    /// Why the stack can no longer serve scenarios: a shared server (the SQS and Kinesis process or
    /// DynamoDB Local) ended by itself, e.g. it crashed or was killed; null while the stack is whole.
    /// </summary>
    public string? Lost { get; private set; }

    private void OnServerLost(ChildProcess server)
    {
        var lastLines = server.RecentOutput.Split('\n').TakeLast(20);
        Lost ??= $"target lost: {server.Name} exited (code {server.ExitCode}) during the run. Its last output:\n{string.Join('\n', lastLines)}";
        stopping.Cancel();
    }

    public void Interrupt() => stopping.Cancel();

    /// <summary>A fresh target for one scenario, with its own names and its own serverless-offline.</summary>
    public EmulatorTarget CreateTarget() => new(this, Interlocked.Increment(ref scenarios));

    public string QueueUrl(string physicalName) => $"http://127.0.0.1:{SqsPort}/{AccountId}/{physicalName}";

    public string QueueArn(string physicalName) => Arn.Queue(Region, AccountId, physicalName).ToString();

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes) await process.DisposeAsync();
        processes.Clear();
        await Sink.DisposeAsync();
        Sqs?.Dispose();
        DynamoDb?.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by an exiting process; the temp folder is cleaned by the system
        }
    }
}
