using Conformance.Core.Targets;
using Conformance.Events.Evidence;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>
/// Attaches the scenario's evidence to the message stream when it ends: the invocation ledger as a
/// timeline (time since the first invocation, request id, outcome and the event), which the report
/// draws (<see cref="InvocationTimeline"/>, the format both sides share).
/// </summary>
[Binding]
public sealed class EvidenceHooks(FunctionDriver function, ITarget target, Attachments attachments)
{
    [AfterScenario(Name = "attach the invocation timeline")]
    public async Task AttachTimeline()
    {
        if (!function.Created) return;
        var invocations = await target.GetInvocationsAsync(function.Name);
        if (invocations.Count == 0) return;
        var start = invocations[0].At;
        var timeline = new InvocationTimeline(function.Name, [.. invocations.Select(i => new TimelineEntry(
            Math.Round((i.At - start).TotalSeconds, 3), i.RequestId, i.Outcome.ToString(), Shortened(i.Event), i.Response is null ? null : Shortened(i.Response)))]);
        attachments.Attach(timeline.ToJson(), InvocationTimeline.MediaType);
    }

    /// <summary>Evidence keeps the first 2 KB of an event or response: enough to read, small enough for the report.</summary>
    private static string Shortened(string json) => json.Length <= 2048 ? json : json[..2048] + "…";
}
