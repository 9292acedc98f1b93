using Conformance.Core.Targets;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>
/// Skips a scenario tagged <c>@needs:NAME</c> on a target that lacks the capability NAME, so it is
/// never passed silently: as "unsupported" when NAME is a Lambda feature the target lacks (a gap,
/// counted against the target), as "not applicable" when NAME is a limit of what the kind of target
/// can show (<see cref="TargetCapabilities.ObservationLimits"/>). Time is not a tag: a target without
/// virtual time waits in real time, and a scenario that lets more Lambda time pass than the run's
/// <see cref="WaitLimit"/> is not applicable there (<c>@needs:virtual-time</c> marks those in the corpus).
/// </summary>
[Binding]
public sealed class CapabilityHooks(ScenarioInfo scenario, ITarget target, WaitLimit limit)
{
    public const string NeedsTagPrefix = "@needs:";

    [BeforeScenario(Order = 0, Name = "capability check")]
    public void SkipWhenLacking()
    {
        var reason = SkipReason(scenario.Tags, LambdaTime.Of(scenario.StepTexts), target.Name, target.Capabilities, limit.MaxWait);
        if (reason is not null) throw new SkippedStepException(reason);
    }

    /// <summary>
    /// Why a scenario with <paramref name="tags"/>, letting <paramref name="lambdaTime"/> pass, cannot run
    /// on the target, or null when it can. A missing feature outweighs a limit of observation: the gap
    /// is the finding.
    /// </summary>
    public static string? SkipReason(IEnumerable<string> tags, TimeSpan lambdaTime, string targetName, TargetCapabilities capabilities, TimeSpan maxWait)
    {
        var missing = tags.Where(t => t.StartsWith(NeedsTagPrefix, StringComparison.Ordinal))
            .Select(t => t[NeedsTagPrefix.Length..])
            .Where(capability => capability != TargetCapabilities.VirtualTime && !capabilities.Has(capability))
            .ToList();
        var features = missing.Where(c => !TargetCapabilities.IsObservationLimit(c)).ToList();
        if (features.Count > 0) return $"{ScenarioResult.UnsupportedPrefix}the {targetName} target lacks {string.Join(", ", features)}";
        var limits = missing.Select(c => $"cannot show {c}").ToList();
        if (!capabilities.Has(TargetCapabilities.VirtualTime) && lambdaTime > maxWait)
            limits.Add($"would have to wait {LambdaTime.Describe(lambdaTime)} in real time, more than --max-wait ({LambdaTime.Describe(maxWait)})");
        return limits.Count == 0 ? null : $"{ScenarioResult.NotApplicablePrefix}the {targetName} target {string.Join(", and ", limits)}";
    }
}
