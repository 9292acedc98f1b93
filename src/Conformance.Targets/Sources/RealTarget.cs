using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Targets.Sources;

/// <summary>
/// The base of the targets that run on real services (the emulator stack, LocalStack, AWS): a clock that
/// is the wall clock, and the SQS, Kinesis and DynamoDB facets answered by the scenario's
/// <see cref="ScenarioResources"/>, which the adapter composes with its own names and services.
/// </summary>
public abstract class RealTarget : ISqsSource, IKinesisSource, IDynamoDbSource
{
    /// <summary>The scenario's queues, streams, tables and buckets; set by the adapter's constructor.</summary>
    protected ScenarioResources Resources { get; init; } = null!;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default) => Resources.CreateQueueAsync(queue, cancellation);

    public Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default) =>
        Resources.SendMessageAsync(queueName, message, cancellation);

    public Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default) =>
        Resources.SendMessageBatchAsync(queueName, messages, cancellation);

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => Resources.GetQueueStateAsync(queueName, cancellation);

    public Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) => Resources.GetQueueBodiesAsync(queueName, cancellation);

    public Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default) =>
        Resources.CreateStreamAsync(streamName, shards, cancellation);

    public Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default) =>
        Resources.PutRecordAsync(streamName, partitionKey, data, cancellation);

    public Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default) =>
        Resources.PutRecordsAsync(streamName, records, cancellation);

    public Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default) => Resources.CreateTableAsync(table, cancellation);

    public Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default) => Resources.PutItemAsync(tableName, itemJson, cancellation);

    public Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default) => Resources.DeleteItemAsync(tableName, keyJson, cancellation);
}
