using Conformance.Core.Observation;
using Conformance.Engine.Functions;

namespace Conformance.Engine.Invocation;

/// <summary>
/// Lambda's asynchronous path (§4.1). The algorithm:
/// 1. an accepted event goes on the function's internal queue; its first attempt is scheduled after
///    <see cref="EngineSettings.AsyncDispatchDelay"/>;
/// 2. each attempt runs the function with the event and the event's one request id (the same on every
///    attempt, §18);
/// 3. on a function error, if retries remain (<c>MaximumRetryAttempts</c>, default 2) the next attempt
///    is scheduled 1 minute, then 2 minutes later;
/// 4. before scheduling it, the event's age at that attempt is checked: if it would have reached
///    <c>MaximumEventAgeInSeconds</c>, the event is discarded now with <c>EventAgeExceeded</c> (§18);
/// 5. an event whose attempts are used up is discarded with <c>RetriesExhausted</c>.
/// Every wait goes through the engine's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AsyncInvoker(TimeProvider time, EngineSettings settings, InvocationLedger ledger)
{
    private readonly List<AsyncDiscard> discards = [];
    private readonly HashSet<ITimer> timers = [];

    public IReadOnlyList<AsyncDiscard> Discards => discards;

    public void Accept(LambdaFunction function, string requestId, string payload) =>
        Schedule(function, new AsyncEvent(function.Name, requestId, payload, time.GetUtcNow()), settings.AsyncDispatchDelay);

    private void Schedule(LambdaFunction function, AsyncEvent asyncEvent, TimeSpan delay)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            timers.Remove(timer!);
            timer!.Dispose();
            Attempt(function, asyncEvent);
        }, null, delay, Timeout.InfiniteTimeSpan);
        timers.Add(timer);
    }

    private void Attempt(LambdaFunction function, AsyncEvent asyncEvent)
    {
        var now = time.GetUtcNow();
        asyncEvent.Attempts++;
        var run = FunctionRunner.Run(function, settings, now, asyncEvent.RequestId);
        ledger.Add(new InvocationRecord(now, function.Name, asyncEvent.RequestId, asyncEvent.Payload, run.Outcome, run.Payload));
        if (run.Outcome == InvocationOutcome.Succeeded) return;

        var retriesUsed = asyncEvent.Attempts - 1;
        if (retriesUsed >= function.MaximumRetryAttempts)
        {
            Discard(asyncEvent, AsyncDiscardReason.RetriesExhausted, now);
            return;
        }
        var delay = settings.AsyncRetryDelays[Math.Min(retriesUsed, settings.AsyncRetryDelays.Count - 1)];
        var ageAtNextAttempt = now + delay - asyncEvent.AcceptedAt;
        if (ageAtNextAttempt >= TimeSpan.FromSeconds(function.MaximumEventAgeInSeconds))
        {
            Discard(asyncEvent, AsyncDiscardReason.EventAgeExceeded, now);
            return;
        }
        Schedule(function, asyncEvent, delay);
    }

    private void Discard(AsyncEvent asyncEvent, AsyncDiscardReason reason, DateTimeOffset now) =>
        discards.Add(new AsyncDiscard(asyncEvent.FunctionName, asyncEvent.RequestId, asyncEvent.Payload, reason, asyncEvent.Attempts, now));
}
