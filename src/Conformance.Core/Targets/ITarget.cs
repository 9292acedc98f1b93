using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;

namespace Conformance.Core.Targets;

/// <summary>The kinds of resource a destination or dead-letter target can be.</summary>
public enum DestinationKind
{
    SqsQueue,
    SqsFifoQueue,
    SnsTopic,
    EventBus,
    S3Bucket,
    Function,
}

/// <summary>
/// The port every target implements: the reference engine, a local emulator or deployed AWS.
/// Steps speak only to this interface, so one scenario runs unchanged on every target.
/// Provisioning, acting and observing; mistakes by the caller come back as <see cref="ApiResult"/>
/// or <see cref="InvokeResponse"/> errors, never as exceptions. A target lacking a feature declares it
/// in <see cref="Capabilities"/> and may throw <see cref="NotSupportedException"/> for it.
/// </summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    TargetCapabilities Capabilities { get; }

    /// <summary>The time on the target's clock.</summary>
    DateTimeOffset Now { get; }

    // ---- Functions -------------------------------------------------------------------------------

    Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default);

    /// <summary><c>UpdateFunctionConfiguration</c> of <c>$LATEST</c>.</summary>
    Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? Version)> PublishVersionAsync(string functionName, CancellationToken cancellation = default);

    Task<ApiResult> CreateAliasAsync(string functionName, string alias, string version, CancellationToken cancellation = default);

    Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default);

    Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default);

    Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default);

    /// <summary>Creates a destination or dead-letter resource and returns its ARN.</summary>
    Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default);

    // ---- Acting ----------------------------------------------------------------------------------

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default);

    /// <summary>Injects faults into a function's async path (capability <c>fault-injection</c>).</summary>
    Task InjectAsyncFaultsAsync(string functionName, AsyncFaultPlan faults, CancellationToken cancellation = default);

    /// <summary>Lets time pass: instantly on virtual time, by waiting on real targets.</summary>
    Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default);

    // ---- Push sources ----------------------------------------------------------------------------

    Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default);

    Task<ApiResult> PutBucketNotificationAsync(BucketNotification notification, CancellationToken cancellation = default);

    Task<ApiResult> PutObjectAsync(string bucket, string key, string content, CancellationToken cancellation = default);

    Task<ApiResult> DeleteObjectAsync(string bucket, string key, CancellationToken cancellation = default);

    Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default);

    /// <summary>The ARN pattern of an API's invocations (for the permission's source ARN).</summary>
    Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default);

    Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default);

    Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default);

    // ---- Pull sources ----------------------------------------------------------------------------

    Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default);

    /// <summary><c>SendMessageBatch</c>: the messages become available together (up to 10 per call on AWS).</summary>
    Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default);

    /// <summary>Creates a table with a stream and returns the stream's ARN.</summary>
    Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default);

    /// <summary><c>PutRecords</c>: the records arrive together.</summary>
    Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default);

    Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default);

    Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default);

    Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default);

    Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default);

    // ---- Observing -------------------------------------------------------------------------------

    /// <summary>The invocation ledger of a function, oldest first.</summary>
    Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default);

    /// <summary>How many messages a queue holds and in which state; null for an unknown queue.</summary>
    Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default);

    /// <summary>The bodies of the messages a queue holds (e.g. a dead-letter queue), oldest first.</summary>
    Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default);

    /// <summary>What a destination, dead-letter queue or topic received, oldest first.</summary>
    Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default);
}
