using Conformance.Core.Targets;
using Conformance.Steps.Definitions;

namespace Conformance.Steps.Tests.Definitions;

public sealed class CapabilityHooksTests
{
    private static readonly TargetCapabilities SyncOnly = TargetCapabilities.Of(TargetCapabilities.SyncInvoke);

    [Fact]
    public void A_scenario_needing_more_than_a_real_target_can_show_is_not_applicable_with_the_reason() =>
        CapabilityHooks.SkipReason(["@async", "@needs:virtual-time", "@needs:invoke-sync"], "real-time", SyncOnly)
            .ShouldBe("not applicable: the real-time target cannot show virtual-time");

    [Fact]
    public void A_scenario_needing_a_lambda_feature_the_target_lacks_is_unsupported() =>
        CapabilityHooks.SkipReason(["@needs:destinations", "@needs:fault-injection"], "real-time", SyncOnly)
            .ShouldBe("unsupported: the real-time target lacks destinations");

    [Fact]
    public void A_scenario_whose_needs_are_met_runs() =>
        CapabilityHooks.SkipReason(["@needs:invoke-sync", "@sync"], "real-time", SyncOnly).ShouldBeNull();

    [Fact]
    public async Task The_hook_skips_the_scenario_on_the_target_it_is_given()
    {
        await using var target = new Conformance.Targets.Reference.ReferenceTarget();
        var scenario = new Conformance.Gherkin.Execution.ScenarioInfo("F", "S", "f.feature", ["@needs:teleportation"]);

        Should.Throw<Conformance.Gherkin.Execution.SkippedStepException>(new CapabilityHooks(scenario, target).SkipWhenLacking)
            .Message.ShouldBe("unsupported: the reference target lacks teleportation");
    }
}
