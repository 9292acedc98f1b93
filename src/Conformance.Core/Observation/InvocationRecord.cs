namespace Conformance.Core.Observation;

public enum InvocationOutcome
{
    Succeeded,
    FunctionError,
}

/// <summary>
/// One entry of the invocation ledger: a time on the target's clock, the request id, the event the
/// function received, and how the invocation ended. An event the engine built itself (a poller's batch)
/// is rendered as JSON the first time <see cref="Event"/> is read, by a step or a report; a ledger
/// nobody reads never pays for it.
/// </summary>
public sealed record InvocationRecord
{
    // The event as text, or how to render it: a render is pure, so two readers racing both get the same text.
    private string? eventText;
    private readonly Func<string>? renderEvent;

    public InvocationRecord(DateTimeOffset at, string functionName, string requestId, string @event, InvocationOutcome outcome, string? response)
        : this(at, functionName, requestId, outcome, response) => eventText = @event;

    /// <param name="at">When the invocation started.</param>
    /// <param name="functionName">The function.</param>
    /// <param name="requestId">The invocation's request id.</param>
    /// <param name="renderEvent">Renders the event as the function received it, when first read.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="response">The function's response.</param>
    public InvocationRecord(DateTimeOffset at, string functionName, string requestId, Func<string> renderEvent, InvocationOutcome outcome, string? response)
        : this(at, functionName, requestId, outcome, response) => this.renderEvent = renderEvent;

    private InvocationRecord(DateTimeOffset at, string functionName, string requestId, InvocationOutcome outcome, string? response)
    {
        At = at;
        FunctionName = functionName;
        RequestId = requestId;
        Outcome = outcome;
        Response = response;
    }

    public DateTimeOffset At { get; init; }

    public string FunctionName { get; init; }

    public string RequestId { get; init; }

    /// <summary>The event the function received, as JSON.</summary>
    public string Event => eventText ??= renderEvent!();

    public InvocationOutcome Outcome { get; init; }

    public string? Response { get; init; }

    /// <summary>The version that ran: <c>$LATEST</c> or a version number.</summary>
    public string ExecutedVersion { get; init; } = "$LATEST";

    public bool Equals(InvocationRecord? other) =>
        other is not null && At == other.At && FunctionName == other.FunctionName && RequestId == other.RequestId && Event == other.Event
        && Outcome == other.Outcome && Response == other.Response && ExecutedVersion == other.ExecutedVersion;

    public override int GetHashCode() => HashCode.Combine(At, FunctionName, RequestId, Outcome, ExecutedVersion);
}
