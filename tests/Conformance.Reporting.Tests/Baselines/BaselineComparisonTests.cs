using Conformance.Reporting.Baselines;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Tests.Baselines;

/// <summary>A run against its baseline: known, new and fixed, scenario by scenario; stale entries found.</summary>
public sealed class BaselineComparisonTests
{
    private static readonly Baseline Accepted = new("emulator",
    [
        new BaselineEntry("features/a.feature", "same", "failed", "Wrong.\n  observed: 200", "r"),
        new BaselineEntry("features/a.feature", "other evidence", "failed", "Wrong.\n  observed: 200", "r"),
        new BaselineEntry("features/a.feature", "now passes", "unsupported", "unsupported: lacks x", "r"),
        new BaselineEntry("features/a.feature", "now unsupported", "failed", "Wrong.\n  observed: 200", "r"),
    ]);

    [Fact]
    public void Each_scenario_is_known_new_fixed_or_passed()
    {
        var run = BaselineTests.Run(
            ("same", "FAILED", "Wrong.\n  observed: 200"),
            ("other evidence", "FAILED", "Wrong.\n  observed: 500"),
            ("now passes", "PASSED", null),
            ("now unsupported", Outcomes.Unsupported, "unsupported: lacks y"),
            ("regressed", "FAILED", "Broke.\n  observed: 1"),
            ("fine", "PASSED", null),
            ("later", Outcomes.NotApplicable, "not applicable: needs virtual time"));

        var verdicts = BaselineComparison.Compare(run, Accepted).ToDictionary(v => v.Scenario, v => v.Verdict);

        verdicts.ShouldBe(new Dictionary<string, BaselineVerdict>
        {
            ["same"] = BaselineVerdict.Known,
            ["other evidence"] = BaselineVerdict.New,
            ["now passes"] = BaselineVerdict.Fixed,
            ["now unsupported"] = BaselineVerdict.New,
            ["regressed"] = BaselineVerdict.New,
            ["fine"] = BaselineVerdict.Passed,
            ["later"] = BaselineVerdict.Other,
        });
    }

    [Fact]
    public void An_entry_matched_by_outcome_accepts_other_evidence_but_not_another_outcome()
    {
        var baseline = new Baseline("emulator", [new BaselineEntry("features/a.feature", "batching", "failed", "Batch 2 held other items.", "timing") { Match = BaselineEntry.ByOutcome }]);

        BaselineComparison.Compare(BaselineTests.Run(("batching", "FAILED", "Batch 1 held other items.")), baseline).Single().Verdict.ShouldBe(BaselineVerdict.Known);
        BaselineComparison.Compare(BaselineTests.Run(("batching", Outcomes.Unsupported, "unsupported: x")), baseline).Single().Verdict.ShouldBe(BaselineVerdict.New);
    }

    [Fact]
    public void Written_from_two_runs_a_divergence_whose_evidence_differs_is_matched_by_outcome()
    {
        var first = BaselineTests.Run(("steady", "FAILED", "Wrong.\n  observed: 200"), ("timing", "FAILED", "Batch 2 held other items."));
        var second = BaselineTests.Run(("steady", "FAILED", "Wrong.\n  observed: 200"), ("timing", "FAILED", "Batch 1 held other items."));

        var baseline = Baseline.From([first, second], "emulator", null, "r");

        baseline.Entries.Select(e => (e.Scenario, e.Match)).ShouldBe([("steady", BaselineEntry.ByEvidence), ("timing", BaselineEntry.ByOutcome)]);
        BaselineComparison.Compare(second, baseline).ShouldAllBe(v => v.Verdict == BaselineVerdict.Known);
    }

    [Fact]
    public void An_entry_for_a_scenario_the_features_no_longer_have_is_stale() =>
        BaselineComparison.Stale(Accepted, [("features/a.feature", "same"), ("features/a.feature", "other evidence"), ("features/a.feature", "now passes")])
            .Select(e => e.Scenario).ShouldBe(["now unsupported"]);

    [Theory]
    [InlineData("#2 at +59.799s Succeeded (request a34948b1-4263-4f8b-b10d-2497dee2da44)", "#<n> at +<decimal>s Succeeded (request <id>)")]
    [InlineData("at 2025-01-01T00:00:01.250Z from 127.0.0.1:41233", "at <time> from 127.0.0.1:<port>")]
    [InlineData("sequence 49590338271490256608559692538361571095921575989136588898 of 1735689600123", "sequence <number> of <number>")]
    [InlineData("invoked 3 times", "invoked 3 times")]
    [InlineData("at makeError (<temp>/<folder>/c171/probe.js:50:17)", "at makeError (<temp>/<folder>/probe.js:50:17)")]
    [InlineData("observed: 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4", "observed: 4, 4, … (and more)")]
    [InlineData("observed: 25: #1 at +0s FunctionError; #2 at +0.5s FunctionError; #3 at +1.0s FunctionError; #4 at +1.5s FunctionError; #5 at +2.0s FunctionError; #6 at +2.5s FunctionError; #7 at +3.0s FunctionError; #8 at +3.5s FunctionError; #9 at +4.0s FunctionError; #10 at +4.5s FunctionError; #11 at +5.0s FunctionError",
        "observed: <many>: #<n> at +0s FunctionError; #<n> at +<decimal>s FunctionError; … (and more)")]
    [InlineData("observed: 3: #1 at +0s Succeeded; #2 at +59.799s Succeeded", "observed: 3: #<n> at +0s Succeeded; #<n> at +<decimal>s Succeeded")]
    public void The_observed_value_keeps_the_divergence_s_shape_without_what_changes_from_run_to_run(string message, string normalised) =>
        ObservedValue.Normalize(message).ShouldBe(normalised);
}
