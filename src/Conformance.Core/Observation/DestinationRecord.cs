namespace Conformance.Core.Observation;

/// <summary>
/// Something Lambda delivered to a destination, dead-letter queue or topic: where, when, the message
/// body, and its message attributes (DLQ only).
/// </summary>
public sealed record DestinationRecord(DateTimeOffset At, string DestinationArn, string Body)
{
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
