using Amazon.S3;
using Amazon.S3.Model;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>The event sources and destinations of a scenario on AWS or LocalStack.</summary>
public sealed partial class AwsTarget
{
    private readonly List<string> queues = [];
    private readonly List<string> streams = [];
    private readonly List<string> tables = [];
    private readonly List<string> buckets = [];

    private SqsQueues Queues => queueOperations ??= new(run.Sqs, QueueUrl, QueueArn);

    private DynamoDbTables Tables => tableOperations ??= new(run.DynamoDb);

    private SqsQueues? queueOperations;
    private DynamoDbTables? tableOperations;

    private string QueueUrl(string physical) => $"{run.ObservationQueueUrl[..run.ObservationQueueUrl.LastIndexOf('/')]}/{physical}";

    private string QueueArn(string physical) => $"arn:aws:sqs:{run.Settings.Region}:{AccountOf()}:{physical}";

    private static NotSupportedException Lacks(string what) => new($"this build's AWS adapter has no {what}");

    // ---- Destinations ----------------------------------------------------------------------------

    public async Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default)
    {
        switch (kind)
        {
            case DestinationKind.SqsQueue or DestinationKind.SqsFifoQueue:
                var queueName = kind == DestinationKind.SqsFifoQueue ? name + ".fifo" : name;
                var result = await Queues.CreateAsync(Physical(queueName), new QueueSpec(queueName), null, run.Settings.RunId, cancellation);
                if (!result.Succeeded) throw new InvalidOperationException($"The target refused to create the queue {queueName}: {result}");
                queues.Add(Physical(queueName));
                return QueueArn(Physical(queueName));
            case DestinationKind.Function:
                return FunctionArn(Physical(name));
            default:
                throw Lacks($"{kind} destinations (SNS and EventBridge need SDKs this build does not have)");
        }
    }

    public async Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default)
    {
        if (arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
        {
            var messages = await Queues.PeekAsync(arn.Split(':')[^1], cancellation);
            return [.. messages.Select(m => new DestinationRecord(Now, arn, m.Body)
            {
                Attributes = (m.MessageAttributes ?? []).ToDictionary(a => a.Key, a => a.Value.StringValue ?? ""),
            })];
        }
        if (arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
        {
            await run.DrainObservationsAsync(cancellation);
            return [.. run.Records(arn.Split(':')[6]).Select(r => new DestinationRecord(r.At, arn, r.Event))];
        }
        throw Lacks($"reader for the destination {arn}");
    }

    // ---- S3 --------------------------------------------------------------------------------------

    public Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default) => AwsCall.Run(async () =>
    {
        await run.S3.PutBucketAsync(Physical(bucket), cancellation);
        buckets.Add(Physical(bucket));
        if (versioned)
            await run.S3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = Physical(bucket), VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            }, cancellation);
    });

    public Task<ApiResult> PutBucketNotificationAsync(BucketNotification notification, CancellationToken cancellation = default)
    {
        var rules = new List<FilterRule>();
        if (notification.Prefix is { } prefix) rules.Add(new FilterRule("prefix", prefix));
        if (notification.Suffix is { } suffix) rules.Add(new FilterRule("suffix", suffix));
        return AwsCall.Run(() => run.S3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = Physical(notification.Bucket),
            LambdaFunctionConfigurations =
            [
                new LambdaFunctionConfiguration
                {
                    Id = notification.ConfigurationId,
                    FunctionArn = FunctionArn(Physical(notification.FunctionName)),
                    Events = [.. notification.Events.Select(e => new EventType(e))],
                    Filter = rules.Count > 0 ? new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = rules } } : null,
                },
            ],
        }, cancellation));
    }

    public Task<ApiResult> PutObjectAsync(string bucket, string key, string content, CancellationToken cancellation = default) =>
        AwsCall.Run(() => run.S3.PutObjectAsync(new PutObjectRequest { BucketName = Physical(bucket), Key = key, ContentBody = content }, cancellation));

    public Task<ApiResult> DeleteObjectAsync(string bucket, string key, CancellationToken cancellation = default) =>
        AwsCall.Run(() => run.S3.DeleteObjectAsync(Physical(bucket), key, cancellation));

    // ---- SQS, Kinesis, DynamoDB ------------------------------------------------------------------

    public async Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default)
    {
        var result = await Queues.CreateAsync(Physical(queue.Name), queue, queue.DeadLetterQueueName is { } dlq ? Physical(dlq) : null, run.Settings.RunId, cancellation);
        if (result.Succeeded) queues.Add(Physical(queue.Name));
        return (result, result.Succeeded ? QueueArn(Physical(queue.Name)) : null);
    }

    public Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default) =>
        Queues.SendAsync(Physical(queueName), message, cancellation);

    public Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default) =>
        Queues.SendBatchAsync(Physical(queueName), messages, cancellation);

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => Queues.StateAsync(Physical(queueName), cancellation);

    public async Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) =>
        [.. (await Queues.PeekAsync(Physical(queueName), cancellation)).Select(m => m.Body)];

    public async Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default)
    {
        var (result, arn) = await run.Kinesis.CreateStreamAsync(Physical(streamName), shards, cancellation);
        if (result.Succeeded) streams.Add(Physical(streamName));
        return (result, arn);
    }

    public Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default) =>
        run.Kinesis.PutRecordAsync(Physical(streamName), partitionKey, data, cancellation);

    public Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default) =>
        run.Kinesis.PutRecordsAsync(Physical(streamName), records, cancellation);

    public async Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default)
    {
        var (result, streamArn) = await Tables.CreateAsync(Physical(table.Name), table, run.Settings.RunId, cancellation);
        if (result.Succeeded) tables.Add(Physical(table.Name));
        return (result, streamArn);
    }

    public Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default) => Tables.PutAsync(Physical(tableName), itemJson, cancellation);

    public Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default) => Tables.DeleteItemAsync(Physical(tableName), keyJson, cancellation);

    // ---- Event source mappings -------------------------------------------------------------------

    public async Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default)
    {
        var (result, body) = await run.Lambda.CreateEventSourceMappingAsync(mapping, Physical(mapping.FunctionName), cancellation);
        var uuid = body?["UUID"]?.ToString();
        if (!result.Succeeded || uuid is null) return (result, null);
        mappings.Add(uuid);
        return (result, uuid);
    }

    public async Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default) =>
        (await run.Lambda.UpdateEventSourceMappingAsync(uuid, enabled, cancellation)).Result;

    private async Task DeleteSourcesAsync()
    {
        foreach (var queue in queues) await Queues.DeleteAsync(queue);
        foreach (var stream in streams) await Quietly(() => run.Kinesis.DeleteStreamAsync(stream, CancellationToken.None));
        foreach (var table in tables) await Tables.DeleteAsync(table);
        foreach (var bucket in buckets) await EmptyAndDeleteBucketAsync(run.S3, bucket);
    }

    public static Task<ApiResult> EmptyAndDeleteBucketAsync(AmazonS3Client s3, string bucket) => AwsCall.Run(async () =>
    {
        var versions = await s3.ListVersionsAsync(bucket);
        foreach (var version in versions.Versions ?? [])
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = version.Key, VersionId = version.VersionId });
        await s3.DeleteBucketAsync(bucket);
    });
}
