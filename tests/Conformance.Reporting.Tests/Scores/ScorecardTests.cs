using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;
using Conformance.Reporting.Scores;
using Conformance.Reporting.Tests.Model;

namespace Conformance.Reporting.Tests.Scores;

public sealed class ScorecardTests
{
    private static ScenarioReport Scenario(string name, long line, string status, string? message = null) =>
        new(name, line, [], status, [new StepReport("Then it holds", status, message)]);

    private static FeatureReport Feature(string uri, params ScenarioReport[] scenarios) => new(uri, uri, "", [], scenarios);

    [Fact]
    public void The_score_counts_an_unsupported_scenario_against_the_target_and_leaves_out_the_not_applicable()
    {
        var run = new RunReport([
            Feature("features/pull/sqs/batching.feature",
                Scenario("a", 1, Outcomes.Passed), Scenario("b", 2, "FAILED", "observed: 400"), Scenario("c", 3, Outcomes.Unsupported, "unsupported: no FIFO")),
            Feature("features/pull/sqs/fifo.feature", Scenario("d", 1, Outcomes.NotApplicable, "not applicable: virtual time"), Scenario("e", 2, Outcomes.Passed)),
            Feature("features/invoke/sync.feature", Scenario("f", 1, Outcomes.NotRun, "not run: target lost")),
        ], [], false);

        var scores = Scorecard.Build(ConformanceMatrix.Build([("emulator", run)])).ShouldHaveSingleItem();

        scores.Overall.ShouldBe(new AreaScore("all", 2, 1, 1, 1, 1));
        scores.Overall.Score.ShouldBe(0.5);
        scores.Areas.Select(a => (a.Area, a.Score)).ShouldBe([("invoke", (double?)null), ("pull/sqs", 0.5)]);
        Outcomes.ScoreText(run.Scenarios).ShouldBe("50 %");
    }

    [Fact]
    public void The_divergences_are_the_failed_and_unsupported_scenarios_with_their_evidence()
    {
        var run = new RunReport([Feature("features/a.feature",
            Scenario("ok", 1, Outcomes.Passed), Scenario("wrong", 2, "FAILED", "expected: 1\n observed: 2"),
            Scenario("gap", 3, Outcomes.Unsupported, "unsupported: no versions"), Scenario("n/a", 4, Outcomes.NotApplicable, "not applicable: hours"))], [], false);

        var divergences = Scorecard.Divergences(ConformanceMatrix.Build([("emulator", run)]), 0);

        divergences.Select(d => (d.Scenario, d.Outcome)).ShouldBe([("wrong", MatrixCell.Failed), ("gap", MatrixCell.Unsupported)]);
        divergences[0].Evidence.ShouldBe("Then it holds: expected: 1\n observed: 2");
    }

    [Fact]
    public void Divergences_of_one_cause_form_one_group_whatever_their_particulars_the_largest_first()
    {
        const string refusal = "Refused, as Lambda refuses it, but with no status and no error type: the mapping.\n  expected: ValidationException\n  observed: …";
        var run = new RunReport([
            Feature("features/pull/sqs/mapping-validation.feature",
                Scenario("batch 0", 1, "FAILED", refusal), Scenario("batch 11", 2, "FAILED", refusal.Replace("mapping", "configuration")),
                Scenario("count", 3, "FAILED", "The queue 'orders' holds another number of messages.\n  expected: 3\n  observed: 6")),
            Feature("features/pull/kinesis/x.feature",
                Scenario("count", 1, "FAILED", "The queue 'readings' holds another number of messages.\n  expected: 1\n  observed: 2"),
                Scenario("refused", 2, "FAILED", refusal),
                Scenario("no versions", 3, Outcomes.Unsupported, "unsupported: the emulator target lacks versions"))], [], false);

        var groups = Scorecard.ByCause(Scorecard.Divergences(ConformanceMatrix.Build([("emulator", run)]), 0));

        groups.Select(g => (g.Cause, g.Divergences.Count)).ShouldBe([
            ("Refused, as Lambda refuses it, but with no status and no error type", 3),
            ("The queue … holds another number of messages.", 2),
            ("the emulator target lacks versions", 1)]);
    }

    [Theory]
    [InlineData("The function was invoked another number of times.\n  expected: 3\n  observed: 1", "The function was invoked another number of times.")]
    [InlineData("Fewer than 2 invocations started within 9 seconds of each other.", "Fewer than N invocations started within N seconds of each other.")]
    [InlineData("unsupported: the emulator target (serverless-offline) has no sns (nothing can receive at arn:aws:sns:x)", "the emulator target … has no sns …")]
    public void A_cause_is_the_first_line_without_its_particulars(string message, string cause) => Causes.Of(message).ShouldBe(cause);

    [Theory]
    [InlineData("features/pull/sqs/batching.feature", "pull/sqs")]
    [InlineData("features/invoke/sync.feature", "invoke")]
    [InlineData("mine/orders.feature", "mine")]
    [InlineData("orders.feature", "(top level)")]
    public void A_feature_s_area_is_its_folder_below_features(string uri, string area) => Scorecard.Area(uri).ShouldBe(area);

    [Fact]
    public async Task A_step_the_target_lacks_makes_the_scenario_unsupported_in_the_report_and_a_junit_failure()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("Feature: F\n  Scenario: gap\n    Given a step the target lacks: \"no versions\"\n"));

        var scenario = report.Scenarios.ShouldHaveSingleItem();
        scenario.Status.ShouldBe(Outcomes.Unsupported);
        scenario.IsFailure.ShouldBeFalse();
        var junit = System.Xml.Linq.XDocument.Parse(Conformance.Reporting.JUnit.JUnitReport.Render(report));
        junit.Descendants("failure").ShouldHaveSingleItem().Attribute("type")!.Value.ShouldBe(Outcomes.Unsupported);
        Conformance.Reporting.Markdown.MarkdownSummary.Render(report, "emulator").ShouldContain("1 scenarios: 0 passed, 0 failed, 1 unsupported, 0 not applicable; score 0 %");
    }
}
