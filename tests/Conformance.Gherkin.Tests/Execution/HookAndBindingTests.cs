using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Tests.Execution;

public sealed class HookAndBindingTests : IDisposable
{
    private readonly RunHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Hooks_run_by_order_then_before_hooks_in_declaration_and_after_hooks_in_reverse()
    {
        var results = await harness.RunAsync("Feature: F\n  Scenario: s\n    Given a traced step\n    And a traced step\n", typeof(OrderedHooks));

        results.Single().Passed.ShouldBeTrue();
        OrderedHooks.LastScenario.ShouldBe([
            "before-first", "before-a", "before-b",
            "before-step", "step", "after-step", "before-step", "step", "after-step",
            "after-b",
        ]);
        harness.Messages.Envelopes.Count(e => e.Hook?.Type == HookType.BEFORE_TEST_STEP).ShouldBe(1);
    }

    [Fact]
    public async Task Test_run_hooks_run_once_and_report_their_own_messages()
    {
        TestRunHooks.BeforeCount = 0;
        await harness.RunAsync("Feature: F\n  Scenario: a\n    Given a step in a run with hooks\n  Scenario: b\n    Given a step in a run with hooks\n", typeof(TestRunHooks));

        TestRunHooks.BeforeCount.ShouldBe(1);
        var started = harness.Messages.Envelopes.Single(e => e.TestRunHookStarted != null).TestRunHookStarted;
        harness.Messages.Envelopes.ShouldContain(e => e.TestRunHookFinished != null && e.TestRunHookFinished.Result.Status == TestStepResultStatus.PASSED);
        harness.Messages.Envelopes.ShouldContain(e => e.Attachment != null && e.Attachment.TestRunHookStartedId == started.Id && e.Attachment.Body == "starting");
    }

    [Fact]
    public void A_test_run_hook_must_be_static() =>
        harness.Create("Feature: F\n", typeof(InstanceTestRunHook)).Bindings.Errors.ShouldHaveSingleItem().Message.ShouldContain("must be static");

    [Fact]
    public async Task Attachments_belong_to_the_step_that_made_them()
    {
        await harness.RunAsync("Feature: F\n  Scenario: s\n    When text and bytes are attached\n", typeof(AttachingSteps));

        var stepId = harness.Messages.Envelopes.Single(e => e.TestStepStarted != null).TestStepStarted.TestStepId;
        var attachments = harness.Messages.Envelopes.Where(e => e.Attachment != null).Select(e => e.Attachment).ToList();
        attachments.ShouldAllBe(a => a.TestStepId == stepId);
        attachments.Select(a => $"{a.MediaType} {a.ContentEncoding} {a.Body} {a.FileName}").ShouldBe([
            "application/json IDENTITY {\"a\":1} ",
            "image/png BASE64 AQID dots.png",
            "text/x.cucumber.log+plain IDENTITY a log line ",
            "text/uri-list IDENTITY https://docs.aws.amazon.com/lambda/ ",
        ]);
    }

    [Theory]
    [InlineData("Given a bucket in eu-west-1")]
    [InlineData("Given a queue in eu-west-1")]
    public async Task A_step_argument_transformation_is_a_parameter_type_and_a_converter(string step)
    {
        TransformingSteps.Seen = null;
        var results = await harness.RunAsync($"Feature: F\n  Scenario: s\n    {step}\n", typeof(TransformingSteps));

        results.Single().Problem.ShouldBeNull();
        TransformingSteps.Seen.ShouldBe(new Region("eu-west-1"));
        harness.Messages.Envelopes.ShouldContain(e => e.ParameterType != null && e.ParameterType.Name == "region");
    }

    [Fact]
    public void Methods_whose_parameters_cannot_be_bound_and_unknown_parameter_types_are_reported()
    {
        var run = harness.Create("Feature: F\n", typeof(UnbindableSteps));

        var errors = run.Bindings.Errors.Select(e => e.Message).ToList();
        errors.ShouldContain(e => e.Contains("parameter 'stream' is Stream, which a {int} cannot be turned into"));
        errors.ShouldContain(e => e.Contains("its last parameter 'notAString' receives the doc string or data table"));
        run.Bindings.UndefinedParameterTypes.ShouldHaveSingleItem().ToString().ShouldContain("uses the undefined parameter type {unknown}");
    }

    [Fact]
    public async Task An_undefined_step_gets_one_suggestion_per_possible_parameter_type()
    {
        await harness.RunAsync("Feature: F\n  Scenario: s\n    Given a list of 8 things\n", typeof(OutcomeSteps));

        var suggestion = harness.Messages.Envelopes.Single(e => e.Suggestion != null).Suggestion;
        suggestion.Snippets.Select(s => s.Code.Split('\n')[0]).ShouldBe(["[Given(\"a list of {int} things\")]", "[Given(\"a list of {float} things\")]"]);
    }

    [Fact]
    public async Task A_skipped_scenario_does_not_fail_the_run_but_an_undefined_one_does()
    {
        var skipped = harness.Create(["Feature: F\n  Scenario: s\n    When a step skips\n"], [typeof(OutcomeSteps)]);
        await skipped.RunAllAsync();
        skipped.Success.ShouldBeTrue();

        using var other = new RunHarness();
        var undefined = other.Create(["Feature: F\n  Scenario: s\n    When nobody wrote this\n"], [typeof(OutcomeSteps)]);
        await undefined.RunAllAsync();
        undefined.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task A_step_that_hangs_fails_at_the_step_timeout_and_the_run_goes_on()
    {
        var run = harness.Create(["Feature: F\n  Scenario: hangs\n    When a step hangs\n  Scenario: next\n    Given a passing step\n"],
            [typeof(HangingSteps), typeof(OutcomeSteps)], stepTimeout: TimeSpan.FromMilliseconds(200));

        var results = await run.RunAllAsync();

        results[0].Status.ShouldBe(TestStepResultStatus.FAILED);
        results[0].Steps[0].Message.ShouldNotBeNull().ShouldContain("did not finish within 0.2 s");
        results[1].Passed.ShouldBeTrue();
    }
}
