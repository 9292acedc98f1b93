using Conformance.Events.S3;

namespace Conformance.Engine;

/// <summary>
/// Every number the reference engine uses, in one place, with the current AWS value as default, so a
/// scenario or a user can pin another era's semantics. Each value cites its AWS documentation page or
/// the recording that shows it; values AWS leaves open are settings precisely so they can be changed.
/// </summary>
public sealed record EngineSettings
{
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    // ---- Functions and invoke (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html) ------------------------------------------------------

    /// <summary>Function timeout range: 1–900 seconds (https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html).</summary>
    public int MaximumTimeoutSeconds { get; init; } = 900;

    /// <summary>
    /// The error type of a value outside the range, enum or pattern that the API reference gives a
    /// parameter ("Valid Range", "Pattern"): <c>ValidationException</c> with the "1 validation error
    /// detected" wording. Recorded on AWS for <c>provisionedConcurrentExecutions</c> 0, a numeric alias
    /// name and an unknown <c>startingPosition</c> (localstack/localstack at 8b9a79f0,
    /// tests/aws/services/lambda_/test_lambda_api.snapshot.json,
    /// TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions,
    /// TestLambdaAlias::test_alias_naming, TestLambdaEventSourceMappings::test_create_event_source_validation,
    /// recorded 2025-11-25). The ranges the corpus checks (timeouts, retries, batch sizes, windows) are not
    /// in a recording; that they follow the same rule is an inference, hence a setting. Checks the service
    /// makes beyond the model (a missing starting position, a too-long function name, a batch over 10
    /// without a window) answer <c>InvalidParameterValueException</c>, as recorded.
    /// </summary>
    public string ModelConstraintErrorType { get; init; } = "ValidationException";

    /// <summary>Synchronous request payload limit: 6 MB (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), 6291456 bytes in AWS's refusal.</summary>
    public int SyncPayloadLimitBytes { get; init; } = 6 * 1024 * 1024;

    /// <summary>
    /// Whether a request of exactly <see cref="SyncPayloadLimitBytes"/> is accepted: the quota table's
    /// "6 MB" says yes, the refusal's "must be smaller than" no. Unrecorded, so a setting no scenario claims.
    /// </summary>
    public bool SyncPayloadLimitAcceptsItsOwnSize { get; init; } = true;

    /// <summary>
    /// Synchronous response limit: 6 MB in the quota table, 6,291,556 bytes (6 MB and 100 bytes) as AWS
    /// answers it (localstack/localstack tests/aws/services/lambda_/test_lambda.snapshot.json at 8b9a79f0,
    /// TestLambdaBaseFeatures::test_lambda_too_large_response, recorded 2025-11-24).
    /// </summary>
    public int SyncResponseLimitBytes { get; init; } = 6_291_556;

    /// <summary>Asynchronous request payload limit: 1 MB since late 2025, 256 KB before (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html; the 2022 quota table said 256 KB).</summary>
    public int AsyncPayloadLimitBytes { get; init; } = 1024 * 1024;

    /// <summary>The <c>errorType</c> of a timed-out invocation; newer runtimes report <c>Sandbox.Timedout</c> (https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html, observed).</summary>
    public string TimeoutErrorType { get; init; } = "Sandbox.Timedout";

    /// <summary>The value of <c>X-Amz-Function-Error</c> for thrown errors and timeouts (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html no longer names the values; <c>Unhandled</c> is recorded for a thrown exception in localstack/localstack tests/aws/services/lambda_/test_lambda_destinations.snapshot.json at 8b9a79f0, test_retries, recorded 2025-11-25).</summary>
    public string FunctionErrorHeader { get; init; } = "Unhandled";

    /// <summary>Bytes of log returned in <c>X-Amz-Log-Result</c> for <c>X-Amz-Log-Type: Tail</c> (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public int LogTailBytes { get; init; } = 4096;

    // ---- Concurrency (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html) -----------------------------------------------------------------------

    /// <summary>Account concurrency per Region: 1,000 by default (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).</summary>
    public int AccountConcurrency { get; init; } = 1000;

    /// <summary>Concurrency that must stay unreserved: 100 (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html, 2022 text, uncertain).</summary>
    public int MinimumUnreservedConcurrency { get; init; } = 100;

    // ---- Asynchronous invocation (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html) -----------------------------------------------------------

    /// <summary>Waits before the 2nd and 3rd attempt of a failed async event: 1 minute, then 2 minutes (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).</summary>
    public IReadOnlyList<TimeSpan> AsyncRetryDelays { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary><c>MaximumRetryAttempts</c> default 2, range 0–2 (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).</summary>
    public int DefaultMaximumRetryAttempts { get; init; } = 2;

    /// <summary><c>MaximumEventAgeInSeconds</c> default 21,600, range 60–21,600 (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).</summary>
    public int DefaultMaximumEventAgeInSeconds { get; init; } = 21_600;

    /// <summary>Time between accepting an async event and its first attempt (not documented; immediate here).</summary>
    public TimeSpan AsyncDispatchDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Backoff after a throttle or system error on the async path: from 1 s, doubling, at most 5 minutes (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).</summary>
    public TimeSpan ThrottleBackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ThrottleBackoffMaximum { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The <c>condition</c> of the failure record of an event discarded because reserved concurrency is 0
    /// (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html says it goes
    /// straight to the DLQ or destination and names no condition). Recorded on AWS as
    /// <c>ZeroReservedConcurrency</c>, with <c>approximateInvokeCount</c> 0 and no response
    /// (localstack/localstack tests/aws/services/lambda_/test_lambda.snapshot.json at 8b9a79f0,
    /// TestLambdaConcurrency::test_reserved_concurrency, recorded 2025-11-25).
    /// </summary>
    public string ZeroConcurrencyCondition { get; init; } = "ZeroReservedConcurrency";

    /// <summary>The delay before a duplicate delivery, when that fault is injected (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html allows duplicates).</summary>
    public TimeSpan DuplicateDeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>EventBridge destination <c>detail-type</c>s; https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html prints an en dash in places; uncertain, ASCII by default.</summary>
    public string EventBridgeSuccessDetailType { get; init; } = "Lambda Function Invocation Result - Success";

    public string EventBridgeFailureDetailType { get; init; } = "Lambda Function Invocation Result - Failure";

    /// <summary>The DLQ <c>ErrorMessage</c> attribute holds the first 1 KB of the error (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).</summary>
    public int DeadLetterErrorMessageBytes { get; init; } = 1024;

    // ---- Pull sources -------------------------------------------------------------------------

    /// <summary>
    /// The on-failure <c>condition</c> of a stream batch discarded for its age: not documented
    /// (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html names only
    /// <c>RetryAttemptsExhausted</c>); recorded on AWS as <c>RecordAgeExceeded</c>, with no response context
    /// (localstack/localstack tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_kinesis.snapshot.json
    /// at 8b9a79f0, TestKinesisSource::test_kinesis_maximum_record_age_exceeded, recorded 2025-11-25).
    /// </summary>
    public string RecordAgeExceededCondition { get; init; } = "RecordAgeExceeded";

    /// <summary>
    /// Whether a stream on-failure record sent to an S3 bucket holds the batch's event in <c>payload</c> as a JSON
    /// string instead of an object. Recorded on AWS as an object (localstack/localstack at 8b9a79f0,
    /// test_lambda_integration_kinesis.snapshot.json, test_kinesis_event_source_mapping_with_s3_on_failure_destination,
    /// recorded 2025-11-25), but the recorder parses JSON held in strings, so the string form is not ruled out: a setting.
    /// </summary>
    public bool StreamFailurePayloadAsString { get; init; }

    /// <summary>Time a new or re-enabled mapping spends in Creating/Enabling before it polls (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html: "can take several minutes"; none here).</summary>
    public TimeSpan MappingStartDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// An SQS mapping starts with 5 concurrent batches and adds up to 300 a minute, to at most 1,250
    /// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html); 60 a minute before November 2023
    /// (https://aws.amazon.com/blogs/compute/introducing-faster-polling-scale-up-for-aws-lambda-functions-configured-with-amazon-sqs/).
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
    /// for <c>""</c> (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). For
    /// Kinesis, a recording on AWS shows success (localstack/localstack
    /// tests/aws/services/lambda_/event_source_mapping/test_lambda_integration_kinesis.py,
    /// test_kinesis_report_batch_item_success_scenarios[empty_string_success], marked aws.validated);
    /// for SQS it is not recorded, so it stays a setting, success for both.
    /// </summary>
    public bool EmptyStringResponseSucceeds { get; init; } = true;

    /// <summary>
    /// How often a stream poller reads each shard: once a second for Kinesis
    /// (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html), four times a second for
    /// DynamoDB Streams (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
    /// </summary>
    public TimeSpan KinesisPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan DynamoDbPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Kinesis stream retention: 24 hours by default (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).</summary>
    public TimeSpan KinesisRetention { get; init; } = TimeSpan.FromHours(24);

    // ---- Push sources -----------------------------------------------------------------

    /// <summary>Default integration timeouts: 29 s for REST APIs, 30 s for HTTP APIs (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html).</summary>
    public TimeSpan RestIntegrationTimeout { get; init; } = TimeSpan.FromSeconds(29);

    public TimeSpan HttpIntegrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What an HTTP API answers when Lambda rejects the invoke, the function fails or its response is
    /// malformed: <c>{"message":"Internal Server Error"}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html names
    /// the message; the page gives no status, 500 is what the message says). Uncertain, a setting.
    /// </summary>
    public int HttpApiErrorStatus { get; init; } = 500;

    public string HttpApiErrorMessage { get; init; } = "Internal Server Error";

    /// <summary>
    /// How S3 numbers its notifications' <c>eventVersion</c>: today one unified version for every event type;
    /// <see cref="S3EventVersionScheme.PerEventType"/> for the earlier 2.1/2.2/2.3 by type (<see cref="S3EventVersions"/>).
    /// </summary>
    public S3EventVersionScheme S3Versioning { get; init; } = S3EventVersionScheme.Unified;
}
