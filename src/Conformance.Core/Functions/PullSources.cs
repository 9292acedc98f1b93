namespace Conformance.Core.Functions;

/// <summary>An SQS queue: standard or FIFO, with its visibility timeout and an optional redrive to a dead-letter queue.</summary>
public sealed record QueueSpec(string Name)
{
    public bool Fifo => Name.EndsWith(".fifo", StringComparison.Ordinal);
    public int VisibilityTimeoutSeconds { get; init; } = 30;
    public int DelaySeconds { get; init; }
    public string? DeadLetterQueueName { get; init; }
    public int MaxReceiveCount { get; init; } = 5;
}

/// <summary>
/// A message to send: body, message attributes (string values), the FIFO group and deduplication id, and
/// the X-Ray trace header a traced sender gives as the <c>AWSTraceHeader</c> message system attribute
/// (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html).
/// </summary>
public sealed record QueueMessage(string Body)
{
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public string? GroupId { get; init; }
    public string? DeduplicationId { get; init; }
    public int? DelaySeconds { get; init; }
    public string? TraceHeader { get; init; }
}

/// <summary>How many messages a queue holds, and in which state.</summary>
public sealed record QueueState(int Visible, int InFlight, int Delayed)
{
    public int Total => Visible + InFlight + Delayed;
}

/// <summary>A DynamoDB table with a stream; <see cref="StreamViewType"/> is KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
public sealed record TableSpec(string Name, string KeyAttribute = "Id", string StreamViewType = "NEW_AND_OLD_IMAGES");

/// <summary>
/// <c>CreateEventSourceMapping</c> (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html): the source ARN, the function, and the
/// settings that apply to the source's kind; null means the default.
/// </summary>
public sealed record EventSourceMappingSpec(string EventSourceArn, string FunctionName)
{
    public bool Enabled { get; init; } = true;
    public int? BatchSize { get; init; }
    public int? MaximumBatchingWindowInSeconds { get; init; }
    public string? StartingPosition { get; init; }
    public DateTimeOffset? StartingPositionTimestamp { get; init; }
    public int? ParallelizationFactor { get; init; }
    public int? MaximumRetryAttempts { get; init; }
    public int? MaximumRecordAgeInSeconds { get; init; }
    public bool? BisectBatchOnFunctionError { get; init; }
    public string? OnFailureDestination { get; init; }
    public int? TumblingWindowInSeconds { get; init; }
    public IReadOnlyList<string> FunctionResponseTypes { get; init; } = [];

    /// <summary>Filter patterns (JSON, EventBridge syntax); a record is processed if any matches.</summary>
    public IReadOnlyList<string> FilterPatterns { get; init; } = [];

    /// <summary><c>ScalingConfig.MaximumConcurrency</c> (SQS only, 2–1000).</summary>
    public int? MaximumConcurrency { get; init; }

    public bool ReportsBatchItemFailures => FunctionResponseTypes.Contains("ReportBatchItemFailures");
}
