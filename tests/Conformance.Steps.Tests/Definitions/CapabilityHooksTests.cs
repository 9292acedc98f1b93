using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Definitions;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Tests.Definitions;

public sealed class CapabilityHooksTests
{
    private static readonly TargetCapabilities SyncOnly = TargetCapabilities.Of(TargetCapabilities.SyncInvoke);
    private static readonly TargetCapabilities Virtual = TargetCapabilities.Of(TargetCapabilities.SyncInvoke, TargetCapabilities.VirtualTime);
    private static readonly TimeSpan FifteenMinutes = TimeSpan.FromMinutes(15);

    [Fact]
    public void A_scenario_letting_more_time_pass_than_the_run_may_wait_is_not_applicable_on_real_time() =>
        CapabilityHooks.SkipReason(["@async", "@needs:virtual-time"], TimeSpan.FromMinutes(16), "real-time", SyncOnly, FifteenMinutes)
            .ShouldBe("not applicable: the real-time target would have to wait 16 minutes in real time, more than --max-wait (15 minutes)");

    [Fact]
    public void A_scenario_within_the_wait_runs_in_real_time_even_when_tagged_for_virtual_time() =>
        CapabilityHooks.SkipReason(["@needs:virtual-time"], TimeSpan.FromMinutes(15), "real-time", SyncOnly, FifteenMinutes).ShouldBeNull();

    [Fact]
    public void A_longer_wait_allowed_by_the_run_lets_a_long_scenario_run() =>
        CapabilityHooks.SkipReason(["@needs:virtual-time"], TimeSpan.FromMinutes(61), "real-time", SyncOnly, TimeSpan.FromMinutes(90)).ShouldBeNull();

    [Fact]
    public void Virtual_time_runs_any_length() =>
        CapabilityHooks.SkipReason(["@needs:virtual-time"], TimeSpan.FromDays(7), "reference", Virtual, FifteenMinutes).ShouldBeNull();

    [Fact]
    public void A_fault_a_real_target_cannot_be_made_to_show_is_not_applicable_with_the_reason() =>
        CapabilityHooks.SkipReason(["@needs:fault-injection"], TimeSpan.FromMinutes(4), "real-time", SyncOnly, FifteenMinutes)
            .ShouldBe("not applicable: the real-time target cannot show fault-injection");

    [Fact]
    public void A_scenario_needing_a_lambda_feature_the_target_lacks_is_unsupported() =>
        CapabilityHooks.SkipReason(["@needs:destinations", "@needs:fault-injection"], TimeSpan.FromHours(1), "real-time", SyncOnly, FifteenMinutes)
            .ShouldBe("unsupported: the real-time target lacks destinations");

    [Fact]
    public void A_scenario_whose_needs_are_met_runs() =>
        CapabilityHooks.SkipReason(["@needs:invoke-sync", "@sync"], TimeSpan.Zero, "real-time", SyncOnly, FifteenMinutes).ShouldBeNull();

    [Fact]
    public async Task The_hook_skips_the_scenario_on_the_target_it_is_given()
    {
        await using var target = new Conformance.Targets.Reference.ReferenceTarget();
        var scenario = new ScenarioInfo("F", "S", "f.feature", ["@needs:teleportation"]);

        Should.Throw<SkippedStepException>(new CapabilityHooks(scenario, target, new WaitLimit()).SkipWhenLacking)
            .Message.ShouldBe("unsupported: the reference target lacks teleportation");
    }
}
