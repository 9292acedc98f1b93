using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Resources;
using Conformance.Core.Targets;
using Conformance.Targets.Http;

namespace Conformance.Targets.Sources;

/// <summary>The services a real target's scenario resources live on, and how it names them.</summary>
/// <param name="Physical">The name a scenario's resource has on the target (a prefix keeps scenarios apart).</param>
/// <param name="QueueArn">The ARN of a queue by its physical name.</param>
/// <param name="Tag">The value of the <c>conformance-run</c> tag on what is created, for <c>conformance cleanup</c>.</param>
/// <param name="Queues">The target's SQS.</param>
/// <param name="Kinesis">The target's Kinesis.</param>
/// <param name="Tables">The target's DynamoDB.</param>
/// <param name="Buckets">The target's S3, if it has one.</param>
/// <param name="BeforeActing">What the target must do before data goes in (the emulator starts its pollers); none on AWS.</param>
/// <param name="DeclareQueue">
/// For a target whose queues live in its own process and are declared in its configuration
/// (serverless-aws-lambda): declares the queue (physical name, spec, dead-letter queue's physical name)
/// instead of calling CreateQueue; such a queue ends with the process, so it is not deleted.
/// </param>
public sealed record ResourceServices(
    Func<string, string> Physical, Func<string, string> QueueArn, string Tag,
    SqsQueues Queues, KinesisApi? Kinesis, DynamoDbTables? Tables, S3Buckets? Buckets = null,
    Func<CancellationToken, Task>? BeforeActing = null,
    Func<string, QueueSpec, string?, ApiResult>? DeclareQueue = null);

/// <summary>
/// The queues, streams, tables and buckets of one scenario on a real target (the emulator stack,
/// LocalStack, AWS): created under the scenario's physical names, remembered, and all removed when the
/// scenario ends (also after a failure). The emulator and AWS adapters compose one and hand it their
/// SQS, Kinesis and DynamoDB facets; what the target answers is passed on unchanged.
/// </summary>
public sealed class ScenarioResources(ResourceServices services) : ISqsSource, IKinesisSource, IDynamoDbSource, IAsyncDisposable
{
    private readonly List<string> queues = [];
    private readonly List<string> streams = [];
    private readonly List<string> tables = [];
    private readonly List<string> buckets = [];

    private string Physical(string name) => services.Physical(name);

    private KinesisApi Kinesis => services.Kinesis ?? throw new NotSupportedException("this target has no Kinesis");

    private DynamoDbTables Tables => services.Tables ?? throw new NotSupportedException("this target has no DynamoDB");

    private Task BeforeActingAsync(CancellationToken cancellation) => services.BeforeActing?.Invoke(cancellation) ?? Task.CompletedTask;

    // ---- SQS ----

    public async Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default)
    {
        var physical = Physical(queue.Name);
        var deadLetter = queue.DeadLetterQueueName is { } dlq ? Physical(dlq) : null;
        if (services.DeclareQueue is { } declare)
        {
            var declared = declare(physical, queue, deadLetter);
            return (declared, declared.Succeeded ? services.QueueArn(physical) : null);
        }
        var result = await services.Queues.CreateAsync(physical, queue, deadLetter, services.Tag, cancellation);
        if (result.Succeeded) queues.Add(physical);
        return (result, result.Succeeded ? services.QueueArn(physical) : null);
    }

    /// <summary>A queue to use as a destination or dead-letter queue; its ARN.</summary>
    public async Task<string> CreateDestinationQueueAsync(string queueName, CancellationToken cancellation = default)
    {
        var (result, arn) = await CreateQueueAsync(new QueueSpec(queueName), cancellation);
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused to create the queue {queueName}: {result}");
        return arn!;
    }

    /// <summary>
    /// A queue that an AWS service may send to on behalf of <paramref name="sourceArn"/> only: how the kit
    /// observes what reaches an event bus or a topic. Its ARN.
    /// </summary>
    public async Task<string> CreateObservationQueueAsync(string queueName, string servicePrincipal, string sourceArn, CancellationToken cancellation = default)
    {
        var arn = await CreateDestinationQueueAsync(queueName, cancellation);
        var allowed = await services.Queues.AllowServiceAsync(Physical(queueName), servicePrincipal, sourceArn, cancellation);
        if (!allowed.Succeeded) throw new InvalidOperationException($"The target refused the policy of the queue {queueName}: {allowed}");
        return arn;
    }

    /// <summary>What a destination queue received, oldest first, with its message attributes.</summary>
    public async Task<IReadOnlyList<DestinationRecord>> DestinationRecordsAsync(Arn queue, CancellationToken cancellation = default) =>
        [.. (await services.Queues.PeekAsync(queue.ResourceName, cancellation)).Select(m => new DestinationRecord(DateTimeOffset.UtcNow, queue.ToString(), m.Body)
        {
            Attributes = (m.MessageAttributes ?? []).ToDictionary(a => a.Key, a => a.Value.StringValue ?? ""),
        })];

    public async Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await services.Queues.SendAsync(Physical(queueName), message, cancellation);
    }

    public async Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await services.Queues.SendBatchAsync(Physical(queueName), messages, cancellation);
    }

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => services.Queues.StateAsync(Physical(queueName), cancellation);

    public async Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) =>
        [.. (await services.Queues.PeekAsync(Physical(queueName), cancellation)).Select(m => m.Body)];

    // ---- Kinesis ----

    public async Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default)
    {
        var (result, arn) = await Kinesis.CreateStreamAsync(Physical(streamName), shards, cancellation);
        if (result.Succeeded) streams.Add(Physical(streamName));
        return (result, arn);
    }

    public async Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await Kinesis.PutRecordAsync(Physical(streamName), partitionKey, data, cancellation);
    }

    public async Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await Kinesis.PutRecordsAsync(Physical(streamName), records, cancellation);
    }

    // ---- DynamoDB ----

    public async Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default)
    {
        var (result, streamArn) = await Tables.CreateAsync(Physical(table.Name), table, services.Tag, cancellation);
        if (result.Succeeded) tables.Add(Physical(table.Name));
        return (result, streamArn);
    }

    public async Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await Tables.PutAsync(Physical(tableName), itemJson, cancellation);
    }

    public async Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default)
    {
        await BeforeActingAsync(cancellation);
        return await Tables.DeleteItemAsync(Physical(tableName), keyJson, cancellation);
    }

    // ---- S3 ----

    public Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default)
    {
        var s3 = services.Buckets ?? throw new InvalidOperationException("This target has no S3.");
        return s3.CreateAsync(Physical(bucket), versioned, () => buckets.Add(Physical(bucket)), cancellation);
    }

    /// <summary>Removes everything the scenario created; what cannot be removed now is left for <c>conformance cleanup</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues) await services.Queues.DeleteAsync(queue);
        foreach (var stream in streams) await Quietly.Run(() => Kinesis.DeleteStreamAsync(stream, CancellationToken.None));
        foreach (var table in tables) await Tables.DeleteAsync(table);
        if (services.Buckets is { } s3)
            foreach (var bucket in buckets) await s3.EmptyAndDeleteAsync(bucket);
    }
}
