namespace Conformance.Core.Observation;

public enum InvocationOutcome
{
    Succeeded,
    FunctionError,
}

/// <summary>
/// One entry of the invocation ledger: a time on the target's clock, the request id, the event the
/// function received, and how the invocation ended.
/// </summary>
public sealed record InvocationRecord(
    DateTimeOffset At,
    string FunctionName,
    string RequestId,
    string Event,
    InvocationOutcome Outcome,
    string? Response)
{
    /// <summary>The version that ran: <c>$LATEST</c> or a version number.</summary>
    public string ExecutedVersion { get; init; } = "$LATEST";
}
