using Conformance.Cli.Planning;
using Conformance.Core.Targets;

namespace Conformance.Cli.Tests.Planning;

public sealed class RunPlanTests
{
    private static (string, string, IReadOnlyList<string>, IReadOnlyList<PlannedStep>) Waiting(string name, int minutes) =>
        ($"x.feature:{minutes}", name, [], [new PlannedStep($"{minutes} minutes pass", true)]);

    [Fact]
    public void The_wall_time_puts_the_longest_scenarios_first_on_the_slot_that_frees_up_first()
    {
        var plan = RunPlan.Make("reference", TargetCapabilities.Of(TargetCapabilities.VirtualTime), 2, TimeSpan.FromHours(1),
            [Waiting("a", 10), Waiting("b", 6), Waiting("c", 5), Waiting("d", 4)]);

        // 10 and 6 start at once; 5 takes the slot free at 6 (ends at 11); 4 the slot free at 10 (ends at 14).
        plan.WallTime().ShouldBe(TimeSpan.FromMinutes(14));
    }

    [Fact]
    public void Only_acting_steps_count_as_invocations_and_time_passing_is_not_one()
    {
        var plan = RunPlan.Make("aws", TargetCapabilities.Of(), 1, TimeSpan.FromHours(1),
            [("x.feature:1", "s", [], [new PlannedStep("a function that returns nothing", false), new PlannedStep("the function is invoked synchronously", true), new PlannedStep("1 minute passes", true)])]);

        plan.Invocations().ShouldBe(1);
        plan.Resources["function"].ShouldBe(1);
    }
}
