using Conformance.Gherkin.Messages;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Tests.Execution;

public sealed class TestRunTests : IDisposable
{
    private readonly RunHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Passes_typed_arguments_doc_strings_and_tables_to_the_step_methods()
    {
        var results = await harness.RunAsync("""
            Feature: Arguments
              Scenario: All kinds
                Given a basket with 3 apples named "Granny Smith"
                And a price of 1.5 on Monday
                And a regex step with 42 and the rest
                And this document:
                  ```
                  hello
                  ```
                And this table:
                  | name |
                  | a    |
                  | b    |
                When an async step runs
                Then the journal holds "3:Granny Smith,1.5@Monday,regex:42:the rest,doc:hello,table:a|b,async"
            """, typeof(ArgumentSteps), typeof(OutcomeSteps));

        var result = results.ShouldHaveSingleItem();
        result.Problem.ShouldBeNull();
        result.Status.ShouldBe(TestStepResultStatus.PASSED);
    }

    [Fact]
    public async Task A_failing_step_skips_the_rest_but_after_hooks_still_run()
    {
        var results = await harness.RunAsync("""
            Feature: Failure
              Scenario: Breaks
                Given a passing step
                When a step fails
                Then a later step
            """, typeof(OutcomeSteps), typeof(ArgumentSteps));

        var result = results.ShouldHaveSingleItem();
        result.Status.ShouldBe(TestStepResultStatus.FAILED);
        result.Steps.Select(s => s.Status).ShouldBe([TestStepResultStatus.PASSED, TestStepResultStatus.FAILED, TestStepResultStatus.SKIPPED, TestStepResultStatus.PASSED]);
        result.Steps[1].Message.ShouldBe("it broke");
        result.Steps[3].Text.ShouldContain("AfterScenario");
    }

    [Theory]
    [InlineData("When a step is pending", TestStepResultStatus.PENDING)]
    [InlineData("When a step skips", TestStepResultStatus.SKIPPED)]
    [InlineData("Given an ambiguous step", TestStepResultStatus.AMBIGUOUS)]
    [InlineData("Given a step nobody wrote with 3 \"things\"", TestStepResultStatus.UNDEFINED)]
    public async Task Reports_each_status_as_cucumber_does(string step, TestStepResultStatus expected)
    {
        var results = await harness.RunAsync($"Feature: S\n  Scenario: s\n    {step}\n    Then a later step\n", typeof(OutcomeSteps), typeof(ArgumentSteps));

        var result = results.ShouldHaveSingleItem();
        result.Status.ShouldBe(expected);
        result.Steps[1].Status.ShouldBe(TestStepResultStatus.SKIPPED);
    }

    [Fact]
    public async Task An_undefined_step_comes_with_a_snippet_that_would_match_it()
    {
        var results = await harness.RunAsync("Feature: S\n  Scenario: s\n    Given a queue with 3 messages called \"q1\"\n", typeof(OutcomeSteps));

        var snippet = results.Single().Steps[0].Snippet.ShouldNotBeNull();
        snippet.ShouldContain("[Given(\"a queue with {int} messages called {string}\")]");
        snippet.ShouldContain("public void GivenAQueueWithMessagesCalled(int p0, string p1)");
        harness.Messages.Envelopes.ShouldContain(e => e.Suggestion != null && e.Suggestion.Snippets[0].Code == snippet);
    }

    [Fact]
    public async Task An_ambiguous_step_names_every_candidate()
    {
        var results = await harness.RunAsync("Feature: S\n  Scenario: s\n    Given an ambiguous step\n", typeof(OutcomeSteps));

        var message = results.Single().Steps[0].Message.ShouldNotBeNull();
        message.ShouldContain("an ambiguous step");
        message.ShouldContain("an {word} step");
    }

    [Fact]
    public async Task Context_objects_are_shared_within_a_scenario_and_disposed_at_its_end()
    {
        Journal.Disposed.Clear();
        var results = await harness.RunAsync("""
            Feature: Context
              Scenario: first
                Given a basket with 1 apples named "x"
                Given a passing step
                Then the journal holds "1:x,pass"
              Scenario: second
                Given a passing step
                Then the journal holds "pass"
            """, typeof(OutcomeSteps), typeof(ArgumentSteps));

        results.ShouldAllBe(r => r.Passed);
        Journal.Disposed.ShouldBe(["1:x,pass,after-hook", "pass,after-hook"]);
    }

    [Fact]
    public async Task Hooks_run_only_for_scenarios_matching_their_tag_expression()
    {
        var results = await harness.RunAsync("""
            Feature: Hooks
              @tagged
              Scenario: tagged
                Then the journal holds "tagged-hook"
              Scenario: untagged
                Then the journal holds ""
            """, typeof(OutcomeSteps));

        results.ShouldAllBe(r => r.Passed);
    }

    [Fact]
    public async Task A_tag_filter_selects_scenarios_to_run()
    {
        var run = harness.Create(["Feature: F\n  @keep\n  Scenario: a\n    Given a passing step\n  Scenario: b\n    Given a passing step\n"],
            [typeof(OutcomeSteps)], tags: Conformance.Gherkin.Tags.TagExpression.Parse("@keep"));

        run.TestCases.Select(t => t.Pickle.Name).ShouldBe(["a"]);
        (await run.RunAllAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public void Binding_mistakes_are_reported_with_their_source_before_any_scenario_runs()
    {
        var run = harness.Create("Feature: F\n", typeof(BrokenBindings));

        var errors = run.Bindings.Errors.Select(e => e.ToString()).ToList();
        errors.Count.ShouldBe(4);
        errors.ShouldAllBe(e => e.StartsWith("tests/Conformance.Gherkin.Tests/Execution/Bindings.cs:"));
        errors.ShouldContain(e => e.Contains("already defined"));
        errors.ShouldContain(e => e.Contains("An optional may not contain a parameter type"));
        errors.ShouldContain(e => e.Contains("takes 3 parameter(s)"));
        errors.ShouldContain(e => e.Contains("malformed tag expression"));
        run.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task Publishes_a_message_stream_in_the_order_cucumber_defines()
    {
        await harness.RunAsync("Feature: F\n  Scenario: s\n    Given a passing step\n", typeof(OutcomeSteps));

        // Consecutive envelopes of one kind collapsed: the order of kinds is what the protocol fixes.
        var kinds = harness.Messages.Envelopes.Select(Kind).ToList();
        var order = kinds.Where((kind, i) => i == 0 || kinds[i - 1] != kind).ToList();
        order.ShouldBe([
            "meta", "source", "gherkinDocument", "pickle", "stepDefinition", "hook", "testRunStarted", "testCase",
            "testCaseStarted", "testStepStarted", "testStepFinished", "testStepStarted", "testStepFinished",
            "testCaseFinished", "testRunFinished",
        ]);
        kinds.Count(k => k == "stepDefinition").ShouldBe(8);
        var finished = harness.Messages.Envelopes.Last().TestRunFinished.ShouldNotBeNull();
        finished.Success.ShouldBeTrue();
    }

    [Fact]
    public async Task The_message_stream_survives_a_round_trip_through_ndjson()
    {
        await harness.RunAsync("Feature: F\n  Scenario: s\n    Given a passing step\n    When a step fails\n", typeof(OutcomeSteps));
        var lines = harness.Messages.Envelopes.Select(MessagesJson.Serialize).ToList();

        var again = lines.Select(MessagesJson.Deserialize).Select(MessagesJson.Serialize).ToList();

        again.ShouldBe(lines);
        lines.ShouldContain(l => l.Contains("\"status\":\"FAILED\""));
        lines.ShouldContain(l => l.Contains("\"type\":\"Context\""));
    }

    private static string Kind(Envelope envelope) =>
        typeof(Envelope).GetProperties().First(p => p.GetValue(envelope) is not null).Name is var name
            ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}
