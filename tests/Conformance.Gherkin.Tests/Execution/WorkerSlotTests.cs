using System.Collections.Concurrent;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Tests.Execution;

public sealed class WorkerSlotTests
{
    [Fact]
    public async Task A_scenario_waiting_away_lets_other_scenarios_use_its_worker()
    {
        WaitingSteps.Reset();
        var notices = new ConcurrentQueue<WaitNotice>();
        using var harness = new RunHarness();
        // Two workers: while "waits" is away, "meets 1" and "meets 2" must run at the same time to pass.
        var run = harness.Create([
            "Feature: W\n  Scenario: waits\n    When it waits away until the others are done\n",
            "Feature: M1\n  Scenario: meets 1\n    When it meets the other at once\n",
            "Feature: M2\n  Scenario: meets 2\n    When it meets the other at once\n",
        ], [typeof(WaitingSteps)], parallelism: 2, parallelScenarios: true, onWait: notices.Enqueue);

        var results = await run.RunAllAsync();

        results.Select(r => $"{r.Plan.Pickle.Name} {r.Status}").Order().ShouldBe(["meets 1 PASSED", "meets 2 PASSED", "waits PASSED"]);
        notices.Select(n => (n.Scenario, n.Ended)).ShouldBe([("W: waits", false), ("W: waits", true)]);
    }

    [Fact]
    public async Task The_scenarios_ranked_first_start_before_the_rest()
    {
        WaitingSteps.Reset();
        using var harness = new RunHarness();
        var features = Enumerable.Range(0, 5).Select(i => $"Feature: F{i}\n  Scenario: s{i}\n    Given {(i >= 3 ? "it holds its worker until released" : "it passes")}\n").ToList();
        var run = harness.Create(features, [typeof(WaitingSteps)], parallelism: 2, parallelScenarios: true,
            startFirst: plan => plan.Pickle.Name is "s3" ? TimeSpan.FromMinutes(5) : plan.Pickle.Name is "s4" ? TimeSpan.FromMinutes(1) : TimeSpan.Zero);

        var running = run.RunAllAsync();
        (await WaitingSteps.Holding.WaitAsync(TimeSpan.FromSeconds(20)) && await WaitingSteps.Holding.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBeTrue();
        var names = run.TestCases.ToDictionary(p => p.Id, p => p.Pickle.Name);
        var startedWhileHeld = harness.Messages.Envelopes.Select(e => e.TestCaseStarted).OfType<TestCaseStarted>().Select(s => names[s.TestCaseId]).ToList();
        WaitingSteps.Release.SetResult();
        await running;

        startedWhileHeld.ShouldBe(["s3", "s4"], ignoreOrder: true); // both workers took the ranked ones first
        run.Results.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Time_away_does_not_count_towards_the_step_timeout_but_working_time_does()
    {
        using var harness = new RunHarness();
        var run = harness.Create([
            "Feature: T\n  Scenario: away\n    When it waits away for 2 seconds\n  Scenario: busy\n    When it works for 2 seconds\n",
        ], [typeof(WaitingSteps)], stepTimeout: TimeSpan.FromSeconds(1));

        var results = await run.RunAllAsync();

        results.Single(r => r.Plan.Pickle.Name == "away").Status.ShouldBe(TestStepResultStatus.PASSED);
        var busy = results.Single(r => r.Plan.Pickle.Name == "busy");
        busy.Status.ShouldBe(TestStepResultStatus.FAILED);
        busy.Steps.Single().Message!.ShouldContain("did not finish within 1 s");
    }

    [Fact]
    public async Task An_unshared_slot_counts_the_time_away()
    {
        var slot = WorkerSlot.Unshared("s");
        await slot.AwayAsync(DateTimeOffset.UtcNow, () => Task.Delay(50));
        slot.TimeAway.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(40));
        slot.IsAway.ShouldBeFalse();
    }
}

[Binding]
public sealed class WaitingSteps(WorkerSlot slot)
{
    private static Barrier meeting = new(2);
    private static TaskCompletionSource othersDone = new();
    private static int met;

    public static SemaphoreSlim Holding { get; private set; } = new(0);

    public static TaskCompletionSource Release { get; private set; } = new();

    public static void Reset()
    {
        Holding = new SemaphoreSlim(0);
        Release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        meeting = new Barrier(2);
        othersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        met = 0;
    }

    [When("it waits away until the others are done")]
    public Task WaitAway() => slot.AwayAsync(DateTimeOffset.UtcNow.AddMinutes(1), () => othersDone.Task.WaitAsync(TimeSpan.FromSeconds(20)));

    [When("it meets the other at once")]
    public void Meet()
    {
        meeting.SignalAndWait(TimeSpan.FromSeconds(20)).ShouldBeTrue("the other scenario never ran alongside: the waiting one kept its worker");
        if (Interlocked.Increment(ref met) == 2) othersDone.SetResult();
    }

    [When("it waits away for {int} seconds")]
    public Task WaitAwayFor(int seconds) => slot.AwayAsync(DateTimeOffset.UtcNow.AddSeconds(seconds), () => Task.Delay(TimeSpan.FromSeconds(seconds)));

    [Given("it holds its worker until released")]
    public async Task Hold()
    {
        Holding.Release();
        await Release.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Given("it passes")]
    public void Pass() { }

    [When("it works for {int} seconds")]
    public Task WorkFor(int seconds) => Task.Delay(TimeSpan.FromSeconds(seconds));
}

public sealed class WorkerSlotsTests
{
    [Fact]
    public async Task A_scenario_coming_back_from_a_wait_is_served_before_one_that_has_not_started()
    {
        var slots = new WorkerSlots(1);
        await slots.TakeToStartAsync(CancellationToken.None);
        var starting = slots.TakeToStartAsync(CancellationToken.None);
        var returning = slots.TakeToReturnAsync();

        slots.Release();

        returning.IsCompletedSuccessfully.ShouldBeTrue();
        starting.IsCompleted.ShouldBeFalse();
        slots.Release();
        starting.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task A_start_given_up_is_passed_over_and_the_slot_stays_free()
    {
        var slots = new WorkerSlots(1);
        await slots.TakeToStartAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var starting = slots.TakeToStartAsync(cancel.Token);

        await cancel.CancelAsync();
        slots.Release();

        starting.IsCanceled.ShouldBeTrue();
        slots.TakeToStartAsync(CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue();
    }
}
