namespace Conformance.Engine.Invocation;

/// <summary>Why an async event left the queue without succeeding (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html conditions).</summary>
public enum AsyncDiscardReason
{
    RetriesExhausted,
    EventAgeExceeded,

    /// <summary>Reserved concurrency 0: the event goes straight to the failure destination or DLQ, without an attempt.</summary>
    ZeroConcurrency,
}

/// <summary>An event on a function's internal async queue, and what happened to it so far.</summary>
internal sealed class AsyncEvent(Functions.ResolvedFunction target, string requestId, string payload, DateTimeOffset acceptedAt, string principal)
{
    public Functions.ResolvedFunction Target { get; } = target;
    public string RequestId { get; } = requestId;
    public string Payload { get; } = payload;
    public DateTimeOffset AcceptedAt { get; } = acceptedAt;

    /// <summary>Who sent the event: <c>caller</c> for the Invoke API, or a service principal such as <c>s3.amazonaws.com</c>.</summary>
    public string Principal { get; } = principal;

    /// <summary>Attempts that ran the function (throttles do not count, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).</summary>
    public int Attempts { get; set; }

    /// <summary>Consecutive throttles or system errors, for the backoff.</summary>
    public int Throttles { get; set; }

    /// <summary>The last run's response, for the destination record; null if the function never ran.</summary>
    public Functions.FunctionRun? LastRun { get; set; }

    /// <summary>Injected system errors this event met so far.</summary>
    public int SystemErrorsMet { get; set; }

    public bool DuplicateSent { get; set; }
}

/// <summary>The end of an async event that did not succeed.</summary>
public sealed record AsyncDiscard(string FunctionName, string RequestId, string Payload, AsyncDiscardReason Reason, int Attempts, DateTimeOffset At);
