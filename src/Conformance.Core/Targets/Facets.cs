using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;

namespace Conformance.Core.Targets;

// The facets of a target beyond its core (ITarget): a target implements only those it has, and its
// capabilities follow from them (TargetFacets). Steps ask for a facet with target.Facet<T>(); a
// target without it makes the scenario "unsupported", naming the capability.

/// <summary>Published versions and aliases (capability <c>versions</c>).</summary>
public interface IVersions
{
    Task<(ApiResult Result, string? Version)> PublishVersionAsync(string functionName, CancellationToken cancellation = default);

    Task<ApiResult> CreateAliasAsync(string functionName, string alias, string version, CancellationToken cancellation = default);
}

/// <summary>Reserved concurrency (capability <c>concurrency</c>).</summary>
public interface IReservedConcurrency
{
    Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default);
}

/// <summary>Retry and event-age settings of asynchronous invocation (capability <c>async-settings</c>).</summary>
public interface IAsyncSettings
{
    Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default);
}

/// <summary>Destination and dead-letter resources, and what they received (capability <c>destinations</c>).</summary>
public interface IDestinations
{
    /// <summary>Creates a destination or dead-letter resource and returns its ARN.</summary>
    Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default);

    /// <summary>What a destination, dead-letter queue or topic received, oldest first.</summary>
    Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default);
}

/// <summary>Faults injected on demand into a function's asynchronous path (capability <c>fault-injection</c>).</summary>
public interface IFaultInjection
{
    Task InjectAsyncFaultsAsync(string functionName, AsyncFaultPlan faults, CancellationToken cancellation = default);
}

/// <summary>A clock the target moves: <see cref="ITarget.AdvanceAsync"/> lets time pass at once (capability <c>virtual-time</c>).</summary>
public interface IVirtualClock;

/// <summary>S3 buckets and their notifications (capability <c>source:s3</c>).</summary>
public interface IS3Source
{
    Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default);

    Task<ApiResult> PutBucketNotificationAsync(BucketNotification notification, CancellationToken cancellation = default);

    Task<ApiResult> PutObjectAsync(string bucket, string key, string content, CancellationToken cancellation = default);

    Task<ApiResult> DeleteObjectAsync(string bucket, string key, CancellationToken cancellation = default);
}

/// <summary>API Gateway REST and HTTP APIs in front of functions (capability <c>source:api-gateway</c>).</summary>
public interface IApiGatewaySource
{
    Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default);

    /// <summary>The ARN pattern of an API's invocations (for the permission's source ARN).</summary>
    Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default);

    Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default);
}

/// <summary>EventBridge schedule rules (capability <c>source:schedule</c>).</summary>
public interface IScheduleSource
{
    Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default);
}

/// <summary>SQS queues (capability <c>source:sqs</c>); a mapping reads them through <see cref="IEventSourceMappings"/>.</summary>
public interface ISqsSource
{
    Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default);

    /// <summary><c>SendMessageBatch</c>: the messages become available together (up to 10 per call on AWS).</summary>
    Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default);

    /// <summary>How many messages a queue holds and in which state; null for an unknown queue.</summary>
    Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default);

    /// <summary>The bodies of the messages a queue holds (e.g. a dead-letter queue), oldest first.</summary>
    Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default);
}

/// <summary>Kinesis data streams (capability <c>source:kinesis</c>).</summary>
public interface IKinesisSource
{
    Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default);

    /// <summary><c>PutRecords</c>: the records arrive together.</summary>
    Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default);
}

/// <summary>DynamoDB tables with streams (capability <c>source:dynamodb</c>).</summary>
public interface IDynamoDbSource
{
    /// <summary>Creates a table with a stream and returns the stream's ARN.</summary>
    Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default);

    Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default);

    Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default);
}

/// <summary>Event source mappings from queues and streams to functions (capability <c>event-source-mappings</c>).</summary>
public interface IEventSourceMappings
{
    Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default);

    Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default);
}

/// <summary>Which capability each facet gives, and a target's capabilities from the facets it implements.</summary>
public static class TargetFacets
{
    public static IReadOnlyDictionary<Type, string> Capabilities { get; } = new Dictionary<Type, string>
    {
        [typeof(IVersions)] = TargetCapabilities.Versions,
        [typeof(IReservedConcurrency)] = TargetCapabilities.Concurrency,
        [typeof(IAsyncSettings)] = TargetCapabilities.AsyncSettings,
        [typeof(IDestinations)] = TargetCapabilities.Destinations,
        [typeof(IFaultInjection)] = TargetCapabilities.FaultInjection,
        [typeof(IVirtualClock)] = TargetCapabilities.VirtualTime,
        [typeof(IS3Source)] = TargetCapabilities.S3,
        [typeof(IApiGatewaySource)] = TargetCapabilities.ApiGateway,
        [typeof(IScheduleSource)] = TargetCapabilities.Schedules,
        [typeof(ISqsSource)] = TargetCapabilities.Sqs,
        [typeof(IKinesisSource)] = TargetCapabilities.Kinesis,
        [typeof(IDynamoDbSource)] = TargetCapabilities.DynamoDbStreams,
        [typeof(IEventSourceMappings)] = TargetCapabilities.EventSourceMappings,
    };

    /// <summary>The capability a facet gives.</summary>
    public static string CapabilityOf<T>() => Capabilities[typeof(T)];

    /// <summary>
    /// The capabilities of a target class: those of the facets it implements, and its
    /// <paramref name="traits"/> (behaviours with no API of their own, and its timing).
    /// </summary>
    public static TargetCapabilities Derive(Type targetType, TargetCapabilities traits) => traits with
    {
        Names = traits.Names.Concat(Capabilities.Where(f => f.Key.IsAssignableFrom(targetType)).Select(f => f.Value)).ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>The facet <typeparamref name="T"/> of <paramref name="target"/>, or "unsupported: the X target lacks CAPABILITY".</summary>
    public static T Facet<T>(this ITarget target) where T : class =>
        target as T ?? throw new NotSupportedException($"the {target.Name} target lacks {CapabilityOf<T>()}");
}
