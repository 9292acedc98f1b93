namespace Conformance.Engine.Invocation;

/// <summary>Why an async event left the queue without succeeding (§4.2 conditions).</summary>
public enum AsyncDiscardReason
{
    RetriesExhausted,
    EventAgeExceeded,
}

/// <summary>An event on the function's internal async queue.</summary>
internal sealed class AsyncEvent(string functionName, string requestId, string payload, DateTimeOffset acceptedAt)
{
    public string FunctionName { get; } = functionName;
    public string RequestId { get; } = requestId;
    public string Payload { get; } = payload;
    public DateTimeOffset AcceptedAt { get; } = acceptedAt;
    public int Attempts { get; set; }
}

/// <summary>The end of an async event that did not succeed; destinations and DLQs build on this.</summary>
public sealed record AsyncDiscard(string FunctionName, string RequestId, string Payload, AsyncDiscardReason Reason, int Attempts, DateTimeOffset At);
