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
        var missing = scenario.Tags.Where(t => t.StartsWith(NeedsTagPrefix, StringComparison.Ordinal))
            .Select(t => t[NeedsTagPrefix.Length..])
            .Where(capability => !target.Capabilities.Has(capability))
            .ToList();
        if (missing.Count > 0)
            throw new SkippedStepException($"not applicable: the {target.Name} target lacks {string.Join(", ", missing)}");
    }
}
