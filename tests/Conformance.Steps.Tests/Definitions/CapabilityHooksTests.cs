using Conformance.Core.Targets;
using Conformance.Steps.Definitions;

namespace Conformance.Steps.Tests.Definitions;

public sealed class CapabilityHooksTests
{
    private static readonly TargetCapabilities SyncOnly = TargetCapabilities.Of(TargetCapabilities.SyncInvoke);

    [Fact]
    public void A_scenario_needing_a_missing_capability_is_not_applicable_with_the_reason() =>
        CapabilityHooks.NotApplicableReason(["@async", "@needs:virtual-time", "@needs:invoke-sync"], "real-time", SyncOnly)
            .ShouldBe("not applicable: the real-time target lacks virtual-time");

    [Fact]
    public void A_scenario_whose_needs_are_met_runs() =>
        CapabilityHooks.NotApplicableReason(["@needs:invoke-sync", "@sync"], "real-time", SyncOnly).ShouldBeNull();

    [Fact]
    public async Task The_hook_skips_the_scenario_on_the_target_it_is_given()
    {
        await using var target = new Conformance.Targets.Reference.ReferenceTarget();
        var scenario = new Conformance.Gherkin.Execution.ScenarioInfo("F", "S", "f.feature", ["@needs:teleportation"]);

        Should.Throw<Conformance.Gherkin.Execution.SkippedStepException>(new CapabilityHooks(scenario, target).SkipWhenNotApplicable)
            .Message.ShouldBe("not applicable: the reference target lacks teleportation");
    }
}
