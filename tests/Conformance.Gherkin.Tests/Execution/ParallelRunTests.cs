namespace Conformance.Gherkin.Tests.Execution;

public sealed class ParallelRunTests
{
    [Fact]
    public async Task Features_run_side_by_side_with_a_valid_message_stream_and_the_serial_results()
    {
        var features = Enumerable.Range(0, 6).Select(i =>
            $"Feature: F{i}\n  Scenario: a{i}\n    Given a passing step\n    When an async step runs\n  Scenario: b{i}\n    When a step fails\n").ToList();

        using var serialHarness = new RunHarness();
        var serial = serialHarness.Create(features, [typeof(OutcomeSteps), typeof(ArgumentSteps)]);
        await serial.RunAllAsync();
        using var parallelHarness = new RunHarness();
        var parallel = parallelHarness.Create(features, [typeof(OutcomeSteps), typeof(ArgumentSteps)], parallelism: 3);
        await parallel.RunAllAsync();
        await parallel.FinishAsync();

        parallel.Results.Select(r => $"{r.Plan.Key} {r.Status}").Order().ShouldBe(serial.Results.Select(r => $"{r.Plan.Key} {r.Status}").Order());

        // Every step message of a test case falls between its start and its finish, and ids are unique.
        var envelopes = parallelHarness.Messages.Envelopes;
        var open = new HashSet<string>();
        var seenStarts = new HashSet<string>();
        foreach (var envelope in envelopes)
        {
            if (envelope.TestCaseStarted is { } started) { open.Add(started.Id).ShouldBeTrue(); seenStarts.Add(started.Id).ShouldBeTrue(); }
            if (envelope.TestStepStarted is { } stepStarted) open.ShouldContain(stepStarted.TestCaseStartedId);
            if (envelope.TestStepFinished is { } stepFinished) open.ShouldContain(stepFinished.TestCaseStartedId);
            if (envelope.TestCaseFinished is { } finished) open.Remove(finished.TestCaseStartedId).ShouldBeTrue();
        }
        open.ShouldBeEmpty();
        seenStarts.Count.ShouldBe(12);
        envelopes.Last().TestRunFinished.ShouldNotBeNull();
    }

    [Fact]
    public async Task With_a_parallelism_of_two_two_scenarios_run_at_the_same_time_on_two_workers()
    {
        var point = Guid.NewGuid().ToString();
        var features = Enumerable.Range(0, 2).Select(i => $"Feature: M{i}\n  Scenario: m{i}\n    When 2 scenarios meet at \"{point}\"\n").ToList();

        using var harness = new RunHarness();
        var run = harness.Create(features, [typeof(RendezvousSteps)], parallelism: 2);
        await run.RunAllAsync();
        await run.FinishAsync();

        run.Results.Select(r => r.Status.ToString()).ShouldAllBe(s => s == "PASSED");
        harness.Messages.Envelopes.Select(e => e.TestCaseStarted?.WorkerId).Where(w => w != null).Distinct().Count().ShouldBe(2);
    }
}
