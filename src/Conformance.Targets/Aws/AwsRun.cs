using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using Arn = Conformance.Core.Resources.Arn;
using Conformance.Targets.Http;

namespace Conformance.Targets.Aws;

/// <summary>
/// What an AWS (or LocalStack) run shares across its scenarios: the signed clients, the probe's
/// deployment package, the observation queue the probes report to and the table they count attempts
/// in. Every resource is named with the run's prefix; disposing removes the shared ones, and each
/// scenario's <see cref="AwsTarget"/> removes its own.
/// </summary>
public sealed class AwsRun : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ProbeLedger Ledger, Lock Gate, string ScenarioPrefix)> ledgers = new(StringComparer.Ordinal);
    private int scenarios;
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Cancelled when the run is interrupted: every wait of every scenario's target ends at once.</summary>
    public CancellationToken Stopping => stopping.Token;

    public void Interrupt() => stopping.Cancel();

    private AwsRun(AwsSettings settings)
    {
        Settings = settings;
        var region = RegionEndpoint.GetBySystemName(settings.Region);
        Lambda = new LambdaControlPlane(new LambdaApi(SignedHttp.Create(settings.Credentials, settings.Region, "lambda", settings.ServiceEndpoint("lambda"))));
        Kinesis = new KinesisApi(SignedHttp.Create(settings.Credentials, settings.Region, "kinesis", settings.ServiceEndpoint("kinesis")));
        ApiGateway = new ApiGatewayApi(SignedHttp.Create(settings.Credentials, settings.Region, "apigateway", settings.ServiceEndpoint("apigateway")));
        Sns = new SnsApi(SignedHttp.Create(settings.Credentials, settings.Region, "sns", settings.ServiceEndpoint("sns")));
        Events = new EventBridgeApi(SignedHttp.Create(settings.Credentials, settings.Region, "events", settings.ServiceEndpoint("events")));
        Sqs = settings.Endpoint is { } sqsEndpoint
            ? new AmazonSQSClient(settings.Credentials, new AmazonSQSConfig { ServiceURL = sqsEndpoint.ToString(), AuthenticationRegion = settings.Region })
            : new AmazonSQSClient(settings.Credentials, region);
        DynamoDb = settings.Endpoint is { } dynamoEndpoint
            ? new AmazonDynamoDBClient(settings.Credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoEndpoint.ToString(), AuthenticationRegion = settings.Region })
            : new AmazonDynamoDBClient(settings.Credentials, region);
        S3 = settings.Endpoint is { } s3Endpoint
            ? new AmazonS3Client(settings.Credentials, new AmazonS3Config { ServiceURL = s3Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = settings.Region })
            : new AmazonS3Client(settings.Credentials, region);
    }

    public AwsSettings Settings { get; }

    public LambdaControlPlane Lambda { get; }

    public KinesisApi Kinesis { get; }

    public EventBridgeApi Events { get; }

    public ApiGatewayApi ApiGateway { get; }

    public SnsApi Sns { get; }

    public AmazonSQSClient Sqs { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    public AmazonS3Client S3 { get; }

    public byte[] ProbeZip { get; private set; } = [];

    /// <summary>The probe's source, which a user project's packages carry beside its code.</summary>
    public string ProbeFile { get; private set; } = "";

    public string ObservationQueueUrl { get; private set; } = "";

    public string CounterTable => Settings.Prefix + "attempts";

    /// <summary>The execution role: the configured one, or on a custom endpoint (LocalStack) any well-formed ARN.</summary>
    public string RoleArn => Settings.RoleArn ?? (Settings.Endpoint is not null ? Arn.Role("000000000000", "lambda-conformance").ToString()
        : throw new TargetUnavailableException("no execution role for the probe: set CONFORMANCE_ROLE_ARN or give --role-arn."));

    /// <summary>The clients alone, without the run's shared resources (for cleanup).</summary>
    /// <summary>A run on resources that already exist (tests, <c>cleanup</c>); with a probe, it can deploy functions.</summary>
    public static AwsRun Connect(AwsSettings settings, string? probeFile = null) =>
        probeFile is null ? new(settings) : new(settings) { ProbeZip = ProbePackage.Zip(probeFile), ProbeFile = probeFile };

    public static async Task<AwsRun> StartAsync(AwsSettings settings, string probeFile, CancellationToken cancellation)
    {
        var run = new AwsRun(settings) { ProbeZip = ProbePackage.Zip(probeFile), ProbeFile = probeFile };
        try
        {
            _ = run.RoleArn;
            run.ObservationQueueUrl = (await run.Sqs.CreateQueueAsync(new CreateQueueRequest(settings.Prefix + "observations")
            {
                Tags = new Dictionary<string, string> { ["conformance-run"] = settings.RunId },
            }, cancellation)).QueueUrl;
            await run.DynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = run.CounterTable,
                KeySchema = [new KeySchemaElement("Function", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("Function", ScalarAttributeType.S)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
                Tags = [new Tag { Key = "conformance-run", Value = settings.RunId }],
            }, cancellation);
            await WaitForTableAsync(run.DynamoDb, run.CounterTable, cancellation);
            return run;
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or AmazonClientException)
        {
            await run.DisposeAsync();
            throw new TargetUnavailableException($"the target at {settings.ServiceEndpoint("sqs")} refused or did not answer: {ex.Message}");
        }
        catch
        {
            await run.DisposeAsync(); // interrupted or a missing role: what was created is removed
            throw;
        }
    }

    public static async Task WaitForTableAsync(AmazonDynamoDBClient dynamoDb, string table, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var description = await dynamoDb.DescribeTableAsync(table, cancellation);
            if (description.Table.TableStatus == TableStatus.ACTIVE) return;
            await Task.Delay(1000, cancellation);
        }
        throw new TargetUnavailableException($"the table {table} did not become ACTIVE.");
    }

    public AwsTarget CreateTarget() => new(this, Interlocked.Increment(ref scenarios));

    /// <summary>Routes a deployed function's observations to its ledger; <paramref name="scenarioPrefix"/> (lc-RUN-N-) is taken out of its events.</summary>
    public void Register(string deployedName, ProbeLedger ledger, string scenarioPrefix) => ledgers[deployedName] = (ledger, new Lock(), scenarioPrefix);

    public IReadOnlyList<Conformance.Core.Observation.InvocationRecord> Records(string deployedName)
    {
        if (!ledgers.TryGetValue(deployedName, out var entry)) return [];
        lock (entry.Gate) return entry.Ledger.Records();
    }

    /// <summary>Moves every observation waiting in the queue into the ledgers of the functions that sent them.</summary>
    public async Task DrainObservationsAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var answer = await Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(ObservationQueueUrl) { MaxNumberOfMessages = 10, WaitTimeSeconds = 1 }, cancellation);
            if (answer.Messages is not { Count: > 0 } messages) return;
            foreach (var message in messages) Route(message.Body);
            await Sqs.DeleteMessageBatchAsync(ObservationQueueUrl,
                [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry($"m{i}", m.ReceiptHandle))], cancellation);
        }
    }

    private void Route(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject observation) return;
        var function = observation["functionName"]?.ToString() ?? "";
        if (!ledgers.TryGetValue(function, out var entry)) return;
        var attempt = observation["attempt"]?.GetValue<int>() ?? 0;
        lock (entry.Gate)
        {
            if (observation["kind"]?.ToString() == "started")
            {
                var started = ProbeProtocol.Started.Parse(observation);
                entry.Ledger.Start(attempt, started with
                {
                    FunctionName = entry.Ledger.Spec.Name,
                    Event = started.Event.Replace(entry.ScenarioPrefix, "", StringComparison.Ordinal), // the scenario's own names, as on the emulator
                });
            }
            else
                entry.Ledger.End(ProbeProtocol.Ended.Parse(observation));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (ObservationQueueUrl.Length > 0) await Sqs.DeleteQueueAsync(ObservationQueueUrl);
            if (ObservationQueueUrl.Length > 0) await DynamoDb.DeleteTableAsync(CounterTable);
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException)
        {
            // gone already, or unreachable: `conformance cleanup --run-id` removes what is left
        }
        Sqs.Dispose();
        DynamoDb.Dispose();
        S3.Dispose();
    }
}
