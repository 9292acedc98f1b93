namespace Conformance.Core.Targets;

/// <summary>
/// What a target can do. A scenario tagged <c>@needs:NAME</c> runs only where the target declares
/// NAME. Elsewhere it is reported "unsupported" (the target lacks a Lambda feature: a conformance gap,
/// counted against it), or "not applicable" when NAME is one of <see cref="ObservationLimits"/>: what
/// no target of that kind can show (fault injection, more Lambda time than a real run allows).
/// </summary>
public sealed record TargetCapabilities(IReadOnlySet<string> Names)
{
    public const string VirtualTime = "virtual-time";
    public const string SyncInvoke = "invoke-sync";
    public const string AsyncInvoke = "invoke-async";
    public const string Versions = "versions";
    public const string Concurrency = "concurrency";
    public const string Destinations = "destinations";
    public const string DeadLetterQueues = "dead-letter-queues";
    public const string LogTail = "log-tail";
    public const string S3 = "source:s3";
    public const string ApiGateway = "source:api-gateway";
    public const string Schedules = "source:schedule";
    public const string Sqs = "source:sqs";
    public const string Kinesis = "source:kinesis";
    public const string DynamoDbStreams = "source:dynamodb";
    public const string Filtering = "filtering";
    public const string AsyncSettings = "async-settings";
    public const string EventSourceMappings = "event-source-mappings";

    /// <summary>Faults only a model can inject on demand (duplicate delivery, system errors).</summary>
    public const string FaultInjection = "fault-injection";

    /// <summary>
    /// The capabilities whose absence is a limit of observation, not a gap in the target: a real target
    /// cannot inject faults on demand or let hours pass in an instant.
    /// </summary>
    public static IReadOnlySet<string> ObservationLimits { get; } = new HashSet<string>(StringComparer.Ordinal) { VirtualTime, FaultInjection };

    /// <summary>True when lacking <paramref name="name"/> makes a scenario not applicable rather than unsupported.</summary>
    public static bool IsObservationLimit(string name) => ObservationLimits.Contains(name);

    /// <summary>How far an observed time may stray from the documented one (zero on virtual time).</summary>
    public TimeSpan TimingTolerance { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a check of what the target did (invocations, queue contents, deliveries) may wait for it
    /// to happen: zero on virtual time, where everything due has happened when the step runs.
    /// </summary>
    public TimeSpan ObservationWindow { get; init; } = TimeSpan.Zero;

    public bool Has(string name) => Names.Contains(name);

    public static TargetCapabilities Of(params string[] names) => new(names.ToHashSet(StringComparer.Ordinal));
}
