using Conformance.Core.Targets;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Steps.Definitions;

/// <summary>
/// Skips a scenario tagged <c>@needs:NAME</c> on a target that lacks the capability NAME, so it is
/// never passed silently: as "unsupported" when NAME is a Lambda feature the target lacks (a gap,
/// counted against the target), as "not applicable" when NAME is a limit of what the kind of target
/// can show (<see cref="TargetCapabilities.ObservationLimits"/>).
/// </summary>
[Binding]
public sealed class CapabilityHooks(ScenarioInfo scenario, ITarget target)
{
    public const string NeedsTagPrefix = "@needs:";

    [BeforeScenario(Order = 0, Name = "capability check")]
    public void SkipWhenLacking()
    {
        var reason = SkipReason(scenario.Tags, target.Name, target.Capabilities);
        if (reason is not null) throw new SkippedStepException(reason);
    }

    /// <summary>
    /// Why a scenario with <paramref name="tags"/> cannot run on the target, or null when it can. A
    /// missing feature outweighs a limit of observation: the gap is the finding.
    /// </summary>
    public static string? SkipReason(IEnumerable<string> tags, string targetName, TargetCapabilities capabilities)
    {
        var missing = tags.Where(t => t.StartsWith(NeedsTagPrefix, StringComparison.Ordinal))
            .Select(t => t[NeedsTagPrefix.Length..])
            .Where(capability => !capabilities.Has(capability))
            .ToList();
        if (missing.Count == 0) return null;
        var features = missing.Where(c => !TargetCapabilities.IsObservationLimit(c)).ToList();
        return features.Count > 0
            ? $"{ScenarioResult.UnsupportedPrefix}the {targetName} target lacks {string.Join(", ", features)}"
            : $"{ScenarioResult.NotApplicablePrefix}the {targetName} target cannot show {string.Join(", ", missing)}";
    }
}
