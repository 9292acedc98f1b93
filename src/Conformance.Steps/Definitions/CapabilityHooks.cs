using Conformance.Core.Targets;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Steps.Definitions;

/// <summary>
/// Skips, as "not applicable", a scenario tagged <c>@needs:NAME</c> on a target that lacks the
/// capability NAME, so it is neither passed silently nor counted as the target's failure.
/// </summary>
[Binding]
public sealed class CapabilityHooks(ScenarioInfo scenario, ITarget target)
{
    public const string NeedsTagPrefix = "@needs:";

    [BeforeScenario(Order = 0, Name = "capability check")]
    public void SkipWhenNotApplicable()
    {
        var reason = NotApplicableReason(scenario.Tags, target.Name, target.Capabilities);
        if (reason is not null) throw new SkippedStepException(reason);
    }

    /// <summary>Why a scenario with <paramref name="tags"/> cannot run on the target, or null when it can.</summary>
    public static string? NotApplicableReason(IEnumerable<string> tags, string targetName, TargetCapabilities capabilities)
    {
        var missing = tags.Where(t => t.StartsWith(NeedsTagPrefix, StringComparison.Ordinal))
            .Select(t => t[NeedsTagPrefix.Length..])
            .Where(capability => !capabilities.Has(capability))
            .ToList();
        return missing.Count == 0 ? null : $"not applicable: the {targetName} target lacks {string.Join(", ", missing)}";
    }
}
