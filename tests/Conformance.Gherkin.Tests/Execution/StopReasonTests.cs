using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Tests.Execution;

/// <summary>The target of a run, as a test stands it in: it can go away in the middle of a step.</summary>
public sealed class FragileTarget
{
    public string? Lost { get; set; }
}

[Binding]
public sealed class FragileTargetSteps(FragileTarget target)
{
    [Given("the target answers")]
    public void Answers() => target.Lost.ShouldBeNull();

    [When("the target goes away")]
    public void GoesAway()
    {
        target.Lost = "target lost: the server exited (code 137)";
        throw new IOException("Connection refused (127.0.0.1:4566)");
    }
}

/// <summary>A run whose target is lost: the scenario that was running fails with the reason, the rest are reported not run.</summary>
public sealed class StopReasonTests
{
    private const string Feature = """
        Feature: Fragile
          Scenario: before
            Given the target answers

          Scenario: during
            Given the target answers
            When the target goes away

          Scenario: after
            Given the target answers
            Given the target answers
        """;

    [Fact]
    public async Task Scenarios_after_the_target_is_lost_are_reported_not_run_and_the_failing_step_names_the_reason()
    {
        var target = new FragileTarget();
        using var harness = new RunHarness();
        var run = harness.Create([Feature], [typeof(FragileTargetSteps)], new ServiceRegistry().Add(_ => target), stopReason: () => target.Lost);

        var results = await run.RunAllAsync();
        await run.FinishAsync();

        results.Select(r => $"{r.Plan.Pickle.Name} {r.Status}").ShouldBe(["before PASSED", "during FAILED", "after SKIPPED"]);
        results[1].Steps[1].Message.ShouldBe("target lost: the server exited (code 137)\nConnection refused (127.0.0.1:4566)");
        results[2].Steps.Select(s => s.Message).ShouldBe(["not run: target lost: the server exited (code 137)", null]);
        var finished = harness.Messages.Envelopes.Select(e => e.TestStepFinished).OfType<TestStepFinished>().ToList();
        finished.TakeLast(2).ShouldAllBe(f => f.TestStepResult.Status == TestStepResultStatus.SKIPPED);
        harness.Messages.Envelopes.Last().TestRunFinished.ShouldNotBeNull();
        harness.Messages.Envelopes.Last().TestRunFinished.Success.ShouldBeFalse();
    }
}
