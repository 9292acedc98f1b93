namespace Conformance.Engine;

/// <summary>
/// Every number the reference engine uses, in one place, with the current AWS value as default, so a
/// scenario or a user can pin another era's semantics. Each value cites lambda-semantics.md; values
/// marked (obs) or "uncertain" there are settings precisely so they can be changed.
/// </summary>
public sealed record EngineSettings
{
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    // ---- Functions and invoke (§1, §2, §5) ------------------------------------------------------

    /// <summary>Function timeout range: 1–900 seconds (§2).</summary>
    public int MaximumTimeoutSeconds { get; init; } = 900;

    /// <summary>Synchronous request and response payload limit: 6 MB (§5).</summary>
    public int SyncPayloadLimitBytes { get; init; } = 6 * 1024 * 1024;

    /// <summary>Asynchronous request payload limit: 1 MB since late 2025, 256 KB before (§5, §16).</summary>
    public int AsyncPayloadLimitBytes { get; init; } = 1024 * 1024;

    /// <summary>The <c>errorType</c> of a timed-out invocation; newer runtimes report <c>Sandbox.Timedout</c> (§2, observed).</summary>
    public string TimeoutErrorType { get; init; } = "Sandbox.Timedout";

    /// <summary>The value of <c>X-Amz-Function-Error</c> for thrown errors and timeouts (§2, §16).</summary>
    public string FunctionErrorHeader { get; init; } = "Unhandled";

    /// <summary>Bytes of log returned in <c>X-Amz-Log-Result</c> for <c>X-Amz-Log-Type: Tail</c> (§1, §5).</summary>
    public int LogTailBytes { get; init; } = 4096;

    // ---- Concurrency (§6) -----------------------------------------------------------------------

    /// <summary>Account concurrency per Region: 1,000 by default (§6).</summary>
    public int AccountConcurrency { get; init; } = 1000;

    /// <summary>Concurrency that must stay unreserved: 100 (§6, 2022 text, uncertain).</summary>
    public int MinimumUnreservedConcurrency { get; init; } = 100;

    // ---- Asynchronous invocation (§4) -----------------------------------------------------------

    /// <summary>Waits before the 2nd and 3rd attempt of a failed async event: 1 minute, then 2 minutes (§4.1).</summary>
    public IReadOnlyList<TimeSpan> AsyncRetryDelays { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary><c>MaximumRetryAttempts</c> default 2, range 0–2 (§4.1).</summary>
    public int DefaultMaximumRetryAttempts { get; init; } = 2;

    /// <summary><c>MaximumEventAgeInSeconds</c> default 21,600, range 60–21,600 (§4.1).</summary>
    public int DefaultMaximumEventAgeInSeconds { get; init; } = 21_600;

    /// <summary>Time between accepting an async event and its first attempt (not documented; immediate here).</summary>
    public TimeSpan AsyncDispatchDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Backoff after a throttle or system error on the async path: from 1 s, doubling, at most 5 minutes (§4.1).</summary>
    public TimeSpan ThrottleBackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ThrottleBackoffMaximum { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The <c>condition</c> of the failure record of an event discarded because reserved concurrency is 0
    /// (§4.1 says it goes straight to the DLQ/destination; the condition is not documented).
    /// </summary>
    public string ZeroConcurrencyCondition { get; init; } = "RetriesExhausted";

    /// <summary>The delay before a duplicate delivery, when that fault is injected (§4.1 allows duplicates).</summary>
    public TimeSpan DuplicateDeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>EventBridge destination <c>detail-type</c>s; AWS pages print an en dash in places (§16): ASCII by default.</summary>
    public string EventBridgeSuccessDetailType { get; init; } = "Lambda Function Invocation Result - Success";

    public string EventBridgeFailureDetailType { get; init; } = "Lambda Function Invocation Result - Failure";

    /// <summary>The DLQ <c>ErrorMessage</c> attribute holds the first 1 KB of the error (§4.3).</summary>
    public int DeadLetterErrorMessageBytes { get; init; } = 1024;

    // ---- Pull sources (§7–§11) ------------------------------------------------------------------

    /// <summary>The on-failure <c>condition</c> of a stream batch discarded for its age: undocumented, <c>RecordAgeExceeded</c> as observed (§16).</summary>
    public string RecordAgeExceededCondition { get; init; } = "RecordAgeExceeded";

    /// <summary>Time a new or re-enabled mapping spends in Creating/Enabling before it polls (§7: "can take several minutes"; none here).</summary>
    public TimeSpan MappingStartDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// An SQS mapping starts with 5 concurrent batches and adds up to 300 a minute, to at most 1,250
    /// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html).
    /// </summary>
    public int SqsInitialConcurrency { get; init; } = 5;

    public int SqsConcurrencyPerMinute { get; init; } = 300;

    public int SqsConcurrencyCeiling { get; init; } = 1250;

    /// <summary>
    /// <c>BatchSize</c> when a mapping sets none: 10 for SQS, 100 for Kinesis and DynamoDB Streams
    /// (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
    /// </summary>
    public int SqsDefaultBatchSize { get; init; } = 10;

    public int StreamDefaultBatchSize { get; init; } = 100;

    /// <summary>
    /// What each SQS message adds to a batch's payload beyond its body, for the 6 MB limit: attributes and
    /// the record's fields. Not documented; an estimate (1 KB), a setting so it can be pinned.
    /// </summary>
    public int SqsRecordOverheadBytes { get; init; } = 1024;

    /// <summary>
    /// A FIFO queue drops a message whose deduplication id it saw within 5 minutes
    /// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html).
    /// </summary>
    public TimeSpan SqsDeduplicationInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a partial batch response of <c>""</c> (a JSON empty string) is a success. AWS lists an
    /// empty or null EventResponse as success and an invalid JSON response as failure, and names neither
    /// for <c>""</c>; uncertain, success here for SQS and streams alike
    /// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
    /// </summary>
    public bool EmptyStringResponseSucceeds { get; init; } = true;

    /// <summary>
    /// How often a stream poller reads each shard: once a second for Kinesis
    /// (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html), four times a second for
    /// DynamoDB Streams (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
    /// </summary>
    public TimeSpan KinesisPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan DynamoDbPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Kinesis stream retention: 24 hours by default (§9).</summary>
    public TimeSpan KinesisRetention { get; init; } = TimeSpan.FromHours(24);

    // ---- Push sources (§12–§14) -----------------------------------------------------------------

    /// <summary>Default integration timeouts: 29 s for REST APIs, 30 s for HTTP APIs (§13).</summary>
    public TimeSpan RestIntegrationTimeout { get; init; } = TimeSpan.FromSeconds(29);

    public TimeSpan HttpIntegrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>eventVersion</c> of S3 notifications: 2.1 in the Lambda examples (§12, §16).</summary>
    public string S3EventVersion { get; init; } = "2.1";
}
