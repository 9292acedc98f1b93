using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Resources;
using Conformance.Targets.Emulator;
using Conformance.Targets.Sources;

namespace Conformance.Targets.ServerlessAwsLambda;

/// <summary>
/// A scenario's queues on serverless-aws-lambda's own SQS (local-aws-sqs under <c>/@sqs</c>, on the
/// scenario's port): each is declared in the service's resources as an <c>AWS::SQS::Queue</c> with the
/// attributes given, and the emulator's SQS plugin creates it at start; messages, counts and reads go
/// through the SQS API while the emulator runs.
/// </summary>
internal sealed class AwsLambdaQueues : IAsyncDisposable
{
    private static readonly BasicAWSCredentials LocalCredentials = new("local", "local");

    private readonly ServerlessService service;
    private readonly ServerlessSession session;
    private readonly int port;
    private readonly AmazonSQSClient sqs;

    public AwsLambdaQueues(ServerlessService service, ServerlessSession session, int port, Func<CancellationToken, Task> beforeActing)
    {
        this.service = service;
        this.session = session;
        this.port = port;
        sqs = new AmazonSQSClient(LocalCredentials, new AmazonSQSConfig { ServiceURL = $"http://127.0.0.1:{port}/@sqs", AuthenticationRegion = EmulatorStack.Region });
        Resources = new ScenarioResources(new ResourceServices(Physical, Arn, service.Name, new SqsQueues(sqs, Url, Arn), null, null,
            BeforeActing: beforeActing, DeclareQueue: Declare));
    }

    public ScenarioResources Resources { get; }

    /// <summary>The physical name of a queue of this scenario.</summary>
    public string Physical(string name) => $"{service.Name}-{name}";

    private static string Arn(string physical) => Conformance.Core.Resources.Arn.Queue(EmulatorStack.Region, EmulatorStack.AccountId, physical).ToString();

    /// <summary>The queue's URL as the emulator's SQS names it.</summary>
    private string Url(string physical) => $"http://127.0.0.1:{port}/@sqs/{EmulatorStack.AccountId}/{physical}";

    private ApiResult Declare(string physical, QueueSpec queue, string? deadLetterPhysical)
    {
        var properties = new JsonObject
        {
            ["QueueName"] = physical, ["VisibilityTimeout"] = queue.VisibilityTimeoutSeconds, ["DelaySeconds"] = queue.DelaySeconds,
        };
        if (queue.Fifo) properties["FifoQueue"] = true;
        if (deadLetterPhysical is not null)
            properties["RedrivePolicy"] = new JsonObject { ["deadLetterTargetArn"] = Arn(deadLetterPhysical), ["maxReceiveCount"] = queue.MaxReceiveCount };
        lock (session.Gate)
        {
            session.Changed();
            service.Resources[$"Queue{service.Resources.Count + 1}"] = new JsonObject { ["Type"] = "AWS::SQS::Queue", ["Properties"] = properties };
        }
        return ApiResult.Ok;
    }

    public async Task<QueueState?> StateAsync(string queueName, CancellationToken cancellation)
    {
        await session.EnsureStartedAsync(cancellation); // the queues exist while the emulator runs
        return await Resources.GetQueueStateAsync(queueName, cancellation);
    }

    public async Task<IReadOnlyList<string>> BodiesAsync(string queueName, CancellationToken cancellation)
    {
        await session.EnsureStartedAsync(cancellation);
        return await Resources.GetQueueBodiesAsync(queueName, cancellation);
    }

    public async Task<IReadOnlyList<DestinationRecord>> DestinationRecordsAsync(Arn queue, CancellationToken cancellation)
    {
        await session.EnsureStartedAsync(cancellation);
        return await Resources.DestinationRecordsAsync(queue, cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await Resources.DisposeAsync();
        sqs.Dispose();
    }
}
