using Conformance.Core.Functions;
using System.Text.Json.Nodes;
using Conformance.Core.Observation;
using Conformance.Engine.Destinations;
using Conformance.Engine.Functions;
using Conformance.Events;
using Conformance.Events.Destinations;
using Conformance.Events.Generation;
using Conformance.Events.Lambda;

namespace Conformance.Engine.Invocation;

/// <summary>
/// Lambda's asynchronous path (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html). The algorithm, per event:
/// 1. an accepted event goes on the function's internal queue; with reserved concurrency 0 it goes
///    straight to the failure destination and DLQ without an attempt (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html);
/// 2. an attempt first needs a concurrency slot: a throttle (or an injected system error) puts the
///    event back with a backoff from 1 s doubling to 5 min, not counted as a retry (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html);
/// 3. an attempt runs the function with the event and the event's one request id (the same on every
///    attempt, recorded on AWS: localstack/localstack tests/aws/services/lambda_/test_lambda_destinations.snapshot.json at 8b9a79f0 (test_retries recorded 2025-11-25, test_maxeventage recorded 2025-11-27)) and is written to the ledger;
/// 4. on success the on-success destination gets a <c>Success</c> record;
/// 5. on a function error, if retries remain (<c>MaximumRetryAttempts</c>, default 2) the next attempt
///    is scheduled 1 minute, then 2 minutes later;
/// 6. before anything is scheduled, the event's age at that time is checked: if it would reach
///    <c>MaximumEventAgeInSeconds</c>, the event is discarded now with <c>EventAgeExceeded</c> (recorded on AWS: localstack/localstack tests/aws/services/lambda_/test_lambda_destinations.snapshot.json at 8b9a79f0 (test_retries recorded 2025-11-25, test_maxeventage recorded 2025-11-27));
/// 7. an event whose attempts are used up is discarded with <c>RetriesExhausted</c>; a discarded event
///    goes to the on-failure destination and the function's dead-letter queue (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
/// Every wait goes through the engine's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AsyncInvoker(
    TimeProvider time, EngineSettings settings, InvocationLedger ledger, ConcurrencyLimiter limiter, DestinationRouter destinations, ICodeRunner? code)
{
    private readonly List<AsyncDiscard> discards = [];
    private readonly Dictionary<LambdaFunction, AsyncFaultPlan> faults = [];

    public IReadOnlyList<AsyncDiscard> Discards => discards;

    public void Inject(LambdaFunction function, AsyncFaultPlan injected) => faults[function] = injected;

    public void Accept(ResolvedFunction target, string requestId, string payload, string principal)
    {
        var asyncEvent = new AsyncEvent(target, requestId, payload, time.GetUtcNow(), principal);
        if (target.Function.ReservedConcurrency == 0)
        {
            Discard(asyncEvent, AsyncDiscardReason.ZeroConcurrency, 429, "Rate Exceeded.");
            return;
        }
        Schedule(asyncEvent, settings.AsyncDispatchDelay);
    }

    private AsyncSettings SettingsOf(AsyncEvent asyncEvent) =>
        asyncEvent.Target.Function.AsyncSettingsByQualifier.GetValueOrDefault(asyncEvent.Target.Qualifier)
        ?? new AsyncSettings(settings.DefaultMaximumRetryAttempts, settings.DefaultMaximumEventAgeInSeconds, null, null);

    private void Schedule(AsyncEvent asyncEvent, TimeSpan delay, Action<AsyncEvent>? action = null)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            timer!.Dispose();
            (action ?? Attempt)(asyncEvent);
        }, null, delay, Timeout.InfiniteTimeSpan);
    }

    private void Attempt(AsyncEvent asyncEvent)
    {
        var now = time.GetUtcNow();
        var function = asyncEvent.Target.Function;
        var spec = function.SpecFor(asyncEvent.Target.Version);
        var injected = faults.GetValueOrDefault(function);
        var systemError = injected is not null && asyncEvent.SystemErrorsMet < injected.SystemErrors;
        if (systemError) asyncEvent.SystemErrorsMet++;
        var throttle = systemError ? "ServiceException" : limiter.TryStart(function, now, spec.RunTime);
        if (throttle is not null)
        {
            BackOff(asyncEvent, now, systemError ? 500 : 429, systemError ? "Service unavailable" : "Rate Exceeded.");
            return;
        }

        asyncEvent.Throttles = 0;
        asyncEvent.Attempts++;
        var run = FunctionRunner.Run(function, spec, asyncEvent.Target.Version, settings, now, asyncEvent.RequestId, LazyPayload.Of(asyncEvent.Payload), code);
        asyncEvent.LastRun = run;
        ledger.Add(new InvocationRecord(now, function.Name, asyncEvent.RequestId, asyncEvent.Payload, run.Outcome, run.Payload)
        {
            ExecutedVersion = asyncEvent.Target.Version,
        });

        if (run.Outcome == InvocationOutcome.Succeeded)
        {
            if (SettingsOf(asyncEvent).OnSuccess is { } onSuccess) destinations.Deliver(onSuccess, Record(asyncEvent, "Success", now), now);
            if (injected?.DuplicateDelivery == true && !asyncEvent.DuplicateSent)
            {
                asyncEvent.DuplicateSent = true;
                Schedule(asyncEvent, settings.DuplicateDeliveryDelay);
            }
            return;
        }

        var retriesUsed = asyncEvent.Attempts - 1;
        if (retriesUsed >= SettingsOf(asyncEvent).MaximumRetryAttempts)
        {
            Discard(asyncEvent, AsyncDiscardReason.RetriesExhausted, 200, MessageOf(run));
            return;
        }
        var delay = settings.AsyncRetryDelays[Math.Min(retriesUsed, settings.AsyncRetryDelays.Count - 1)];
        if (TooOld(asyncEvent, now + delay))
        {
            Discard(asyncEvent, AsyncDiscardReason.EventAgeExceeded, 200, MessageOf(run));
            return;
        }
        Schedule(asyncEvent, delay);
    }

    /// <summary>A throttle or system error: back to the queue with exponential backoff, until the event is too old.</summary>
    private void BackOff(AsyncEvent asyncEvent, DateTimeOffset now, int errorCode, string errorMessage)
    {
        var delay = TimeSpan.FromTicks(Math.Min(
            settings.ThrottleBackoffInitial.Ticks * (1L << Math.Min(asyncEvent.Throttles, 30)),
            settings.ThrottleBackoffMaximum.Ticks));
        asyncEvent.Throttles++;
        if (TooOld(asyncEvent, now + delay))
        {
            Discard(asyncEvent, AsyncDiscardReason.EventAgeExceeded, errorCode, errorMessage);
            return;
        }
        Schedule(asyncEvent, delay);
    }

    private bool TooOld(AsyncEvent asyncEvent, DateTimeOffset at) =>
        at - asyncEvent.AcceptedAt >= TimeSpan.FromSeconds(SettingsOf(asyncEvent).MaximumEventAgeInSeconds);

    /// <summary>
    /// A failed run's error message for the dead-letter queue's <c>ErrorMessage</c>: the message, not the error document
    /// (recorded: localstack/localstack at 8b9a79f0, test_lambda_destinations.snapshot.json, test_dead_letter_queue, 2025-11-24).
    /// </summary>
    private static string MessageOf(FunctionRun run) => InvokeErrorDocument.Parse(run.Payload)?.ErrorMessage ?? run.Payload;

    private void Discard(AsyncEvent asyncEvent, AsyncDiscardReason reason, int errorCode, string errorMessage)
    {
        var now = time.GetUtcNow();
        var function = asyncEvent.Target.Function;
        discards.Add(new AsyncDiscard(function.Name, asyncEvent.RequestId, asyncEvent.Payload, reason, asyncEvent.Attempts, now));
        // The record's requestContext.condition: the reason's name, or the setting for reserved concurrency 0.
        var condition = reason == AsyncDiscardReason.ZeroConcurrency ? settings.ZeroConcurrencyCondition : reason.ToString();
        if (SettingsOf(asyncEvent).OnFailure is { } onFailure) destinations.Deliver(onFailure, Record(asyncEvent, condition, now), now);
        if (function.LatestSpec.DeadLetterTargetArn is { } deadLetter)
            destinations.DeadLetter(deadLetter, asyncEvent.RequestId, asyncEvent.Payload, errorCode, errorMessage, now);
    }

    /// <summary>The destination record (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html), built with Conformance.Events; an event that never ran has no response.</summary>
    private AsyncInvocationRecord Record(AsyncEvent asyncEvent, string condition, DateTimeOffset now)
    {
        var run = asyncEvent.LastRun;
        var failed = run?.Outcome == InvocationOutcome.FunctionError;
        return new AsyncInvocationRecord("1.0", AwsIdentity.Iso(now),
            new AsyncRequestContext(asyncEvent.RequestId, asyncEvent.Target.QualifiedArn, condition, asyncEvent.Attempts),
            ParseOrText(asyncEvent.Payload),
            run is null ? null : new AsyncResponseContext(200, asyncEvent.Target.Version, failed ? settings.FunctionErrorHeader : null),
            run is null ? null : ParseOrText(run.Payload));
    }

    /// <summary>A payload as JSON, or as a JSON string when it is not JSON.</summary>
    private static JsonNode? ParseOrText(string json) => EventJson.IsValidJson(json) ? JsonNode.Parse(json) : JsonValue.Create(json);
}
