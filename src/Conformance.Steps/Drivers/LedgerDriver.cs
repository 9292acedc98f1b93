using System.Text.Json.Nodes;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;

namespace Conformance.Steps.Drivers;

/// <summary>Lets time pass on the target, and checks the function's invocation ledger.</summary>
public sealed class LedgerDriver(ITarget target, FunctionDriver function, WorkerSlot slot, ObservationWindow window)
{
    /// <summary>Virtual time moves at once; real time is waited for away from the worker slot, so other scenarios run meanwhile.</summary>
    public async Task PassAsync(TimeSpan duration)
    {
        if (target.Capabilities.Has(TargetCapabilities.VirtualTime)) await target.AdvanceAsync(duration);
        else await slot.AwayAsync(DateTimeOffset.UtcNow + duration, () => target.AdvanceAsync(duration));
        window.Acted();
    }

    /// <summary>
    /// Checks how often the function (the scenario's, or the one named) was invoked, when the
    /// observation window closes: a count reached early that grows later fails, and "not invoked"
    /// must hold at every look.
    /// </summary>
    public Task ExpectCountAsync(int count, string? functionName = null)
    {
        var name = functionName ?? function.Name;
        async Task Check()
        {
            var records = await target.GetInvocationsAsync(name);
            if (records.Count != count)
                throw new ExpectationFailedException(functionName is null ? "The function was invoked another number of times." : $"The function \"{name}\" was invoked another number of times.",
                    $"{count}", $"{records.Count}: {Timeline(records)}");
        }
        return count == 0 ? window.ThroughoutAsync(Check) : window.SettledAsync(Check);
    }

    /// <summary>Not invoked so far: looked at once, now (a later invocation is what the scenario goes on to show).</summary>
    public async Task ExpectNotInvokedYetAsync()
    {
        var records = await target.GetInvocationsAsync(function.Name);
        if (records.Count > 0) throw new ExpectationFailedException("The function was invoked already.", "no invocation yet", Timeline(records));
    }

    /// <summary>Checks the gaps between consecutive invocations, each within the target's timing tolerance.</summary>
    public Task ExpectGapsAsync(params TimeSpan[] gaps) => window.SettledAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var tolerance = target.Capabilities.TimingTolerance;
            var expected = string.Join(", then ", gaps.Select(g => $"{g.TotalSeconds:0.###}s"));
            if (records.Count != gaps.Length + 1)
                throw new ExpectationFailedException($"The attempts were not {gaps.Length + 1} with gaps {expected}.", $"{gaps.Length + 1} attempts", Timeline(records));
            for (var i = 0; i < gaps.Length; i++)
            {
                var actual = records[i + 1].At - records[i].At;
                if ((actual - gaps[i]).Duration() > tolerance)
                    throw new ExpectationFailedException($"The attempts were not {expected} apart (tolerance {tolerance.TotalSeconds:0.###}s).", expected, Timeline(records));
            }
    });

    /// <summary>Two attempts, the second at least <paramref name="least"/> and at most <paramref name="most"/> after the first (with the target's tolerance).</summary>
    public Task ExpectGapWithinAsync(TimeSpan least, TimeSpan most) => window.SettledAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var tolerance = target.Capabilities.TimingTolerance;
            var expected = $"2 attempts, {least.TotalSeconds:0.###}s to {most.TotalSeconds:0.###}s apart";
            if (records.Count != 2 || records[1].At - records[0].At < least - tolerance || records[1].At - records[0].At > most + tolerance)
                throw new ExpectationFailedException($"The attempts were not {least.TotalSeconds:0.###} to {most.TotalSeconds:0.###} seconds apart (tolerance {tolerance.TotalSeconds:0.###}s).", expected, Timeline(records));
    });

    public Task ExpectSameRequestIdAsync() => window.SettledAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var ids = records.Select(r => r.RequestId).Distinct().ToList();
            if (records.Count == 0 || ids.Count != 1)
                throw new ExpectationFailedException("The attempts did not share one request id.", "one request id", Timeline(records));
    });

    public Task ExpectEventAsync(string json) => window.SettledAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var mismatch = records.FirstOrDefault(r => !Json.SameValue(json, r.Event));
            if (records.Count == 0 || mismatch is not null)
                throw new ExpectationFailedException("The function did not receive the expected event.", Json.Compact(json),
                    mismatch is null ? "no invocations" : Json.Compact(mismatch.Event));
    });

    /// <summary>Checks that every two consecutive invocations are <paramref name="gap"/> apart.</summary>
    public Task ExpectEvenlySpacedAsync(TimeSpan gap) => window.SettledAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var tolerance = target.Capabilities.TimingTolerance;
            if (records.Count < 2 || records.Zip(records.Skip(1)).Any(p => ((p.Second.At - p.First.At) - gap).Duration() > tolerance))
                throw new ExpectationFailedException($"The invocations were not {gap.TotalSeconds:0.###}s apart.", $"every {gap.TotalSeconds:0.###}s", Timeline(records));
    });

    /// <summary>Checks a field (dotted path) of the event of invocation number <paramref name="index"/> (1-based; 0 for the last).</summary>
    public Task ExpectEventFieldAsync(string path, string expected, int index = 0) => window.EventuallyAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            if (records.Count == 0) throw new ExpectationFailedException("The function was not invoked.", $"an event with {path} = {expected}", "no invocations");
            var record = index == 0 ? records[^1] : records[index - 1];
            var actual = Json.ParseOrNull(record.Event) is { } body ? Json.At(body, path) : null;
            if (!Json.Matches(actual, expected))
                throw new ExpectationFailedException($"The event has another {path}.", expected, actual?.ToJsonString() ?? "(absent)");
    });

    /// <summary>Event <paramref name="index"/> (from 1) holds a text at <paramref name="path"/> that ends with <paramref name="suffix"/>: an ARN by its resource name.</summary>
    public Task ExpectEventFieldEndsWithAsync(string path, string suffix, int index) => window.EventuallyAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            if (records.Count < index) throw new ExpectationFailedException($"There is no event {index}.", $"at least {index} invocations", $"{records.Count}");
            var actual = Json.ParseOrNull(records[index - 1].Event) is { } body ? Json.At(body, path) : null;
            var text = actual is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
            if (text is null || !text.EndsWith(suffix, StringComparison.Ordinal))
                throw new ExpectationFailedException($"Event {index} has another {path}.", $"a text ending with {suffix}", actual?.ToJsonString() ?? "(absent)");
    });

    public Task ExpectNoEventFieldAsync(string path) => window.EventuallyAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var actual = records.Count > 0 && Json.ParseOrNull(records[^1].Event) is { } body ? Json.At(body, path) : null;
            if (actual is not null) throw new ExpectationFailedException($"The event has {path}.", "(absent)", actual.ToJsonString());
    });

    public Task ExpectEventFieldPresentAsync(string path) => window.EventuallyAsync(async () =>
    {
            var records = await target.GetInvocationsAsync(function.Name);
            var actual = records.Count > 0 && Json.ParseOrNull(records[^1].Event) is { } body ? Json.At(body, path) : null;
            if (actual is null) throw new ExpectationFailedException($"The event has no {path}.", "present", "(absent)");
    });

    /// <summary>
    /// No more than <paramref name="maximum"/> invocations started within any span of <paramref name="span"/>.
    /// With a span shorter than the function's run time this bounds the invocations running at once,
    /// whatever the target's timing jitter.
    /// </summary>
    public Task ExpectAtMostStartedWithinAsync(int maximum, TimeSpan span) => window.ThroughoutAsync(async () =>
    {
        var starts = (await target.GetInvocationsAsync(function.Name)).Select(r => r.At).Order().ToList();
        if (MostStartedWithin(starts, span) is var (most, from, to) && most > maximum)
            throw new ExpectationFailedException($"More than {maximum} invocations started within {span.TotalSeconds:0.###} seconds.",
                $"at most {maximum}", $"{most} from {from:HH:mm:ss.fff} to {to:HH:mm:ss.fff}");
    });

    /// <summary>
    /// At least <paramref name="minimum"/> invocations started within some span of <paramref name="span"/>:
    /// with a span shorter than the function's run time, that many ran at once. The contrast to a cap:
    /// a target that runs one at a time fails it.
    /// </summary>
    public Task ExpectAtLeastStartedWithinAsync(int minimum, TimeSpan span) => window.EventuallyAsync(async () =>
    {
        var starts = (await target.GetInvocationsAsync(function.Name)).Select(r => r.At).Order().ToList();
        var (most, _, _) = MostStartedWithin(starts, span);
        if (most < minimum)
            throw new ExpectationFailedException($"Fewer than {minimum} invocations started within {span.TotalSeconds:0.###} seconds of each other.",
                $"at least {minimum}", $"at most {most}: {string.Join(", ", starts.Select(s => $"+{(s - starts[0]).TotalSeconds:0.###}s"))}");
    });

    /// <summary>The largest number of <paramref name="starts"/> (in order) within less than <paramref name="span"/> of the first of them, and where.</summary>
    private static (int Most, DateTimeOffset From, DateTimeOffset To) MostStartedWithin(IReadOnlyList<DateTimeOffset> starts, TimeSpan span)
    {
        var best = (Most: Math.Min(starts.Count, 1), From: starts.Count > 0 ? starts[0] : default, To: starts.Count > 0 ? starts[0] : default);
        var first = 0;
        for (var last = 0; last < starts.Count; last++)
        {
            while (starts[last] - starts[first] >= span) first++;
            if (last - first + 1 > best.Most) best = (last - first + 1, starts[first], starts[last]);
        }
        return best;
    }

    public async Task<string> LastRequestIdAsync()
    {
        var records = await target.GetInvocationsAsync(function.Name);
        return records.Count > 0 ? records[^1].RequestId : throw new ExpectationFailedException("The function was not invoked.", "an invocation", "none");
    }

    /// <summary>A readable timeline of the invocations, relative to the first.</summary>
    public static string Timeline(IReadOnlyList<InvocationRecord> records)
    {
        if (records.Count == 0) return "no invocations";
        var start = records[0].At;
        return string.Join("; ", records.Select((r, i) => $"#{i + 1} at +{(r.At - start).TotalSeconds:0.###}s {r.Outcome} (request {r.RequestId})"));
    }
}
