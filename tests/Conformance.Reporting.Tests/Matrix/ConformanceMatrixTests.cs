using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Tests.Matrix;

public sealed class ConformanceMatrixTests
{
    private static ScenarioReport Scenario(string name, long line, string status, string? message = null) =>
        new(name, line, [], status, [new StepReport("Then it holds", status, message)]);

    private static RunReport Run(params ScenarioReport[] scenarios) =>
        new([new FeatureReport("features/a.feature", "Feature A", "", [], scenarios)], [], true);

    private static readonly RunReport Reference = Run(Scenario("one", 3, "PASSED"), Scenario("two", 8, "PASSED"), Scenario("three", 12, "PASSED"));

    private static readonly RunReport Emulator = Run(
        Scenario("one", 3, "PASSED"),
        Scenario("two", 8, "FAILED", "The response differs.\n  expected: 204\n  observed: 400"),
        Scenario("three", 12, Outcomes.Unsupported, "unsupported: the emulator target lacks versions"),
        Scenario("four", 15, Outcomes.NotApplicable, "not applicable: the emulator target cannot show virtual-time"));

    [Fact]
    public void Each_scenario_gets_one_cell_per_target_with_the_reason_or_the_evidence()
    {
        var matrix = ConformanceMatrix.Build([("reference", Reference), ("emulator", Emulator)]);

        matrix.Targets.ShouldBe(["reference", "emulator"]);
        var rows = matrix.Features.ShouldHaveSingleItem().Rows;
        rows.Select(r => r.Scenario).ShouldBe(["one", "two", "three", "four"]);
        rows.Select(r => r.Cells[1].Outcome).ShouldBe([MatrixCell.Passed, MatrixCell.Failed, MatrixCell.Unsupported, MatrixCell.NotApplicable]);
        rows[1].Cells[1].Detail.ShouldNotBeNull().ShouldContain("observed: 400");
        rows[2].Cells[1].Detail.ShouldBe("unsupported: the emulator target lacks versions");
        rows[3].Cells[1].Detail.ShouldBe("not applicable: the emulator target cannot show virtual-time");
        rows.Select(r => r.Cells[0].Outcome).ShouldBe([MatrixCell.Passed, MatrixCell.Passed, MatrixCell.Passed, MatrixCell.NotRun]);
    }

    [Fact]
    public void A_scenario_missing_from_one_run_is_not_run_there()
    {
        var matrix = ConformanceMatrix.Build([("reference", Reference), ("shard", Run(Scenario("two", 8, "PASSED")))]);

        matrix.Rows.Select(r => r.Cells[1].Outcome).ShouldBe([MatrixCell.NotRun, MatrixCell.Passed, MatrixCell.NotRun]);
    }

    [Fact]
    public void The_markdown_has_totals_per_target_and_per_feature()
    {
        var markdown = MatrixMarkdown.Render(ConformanceMatrix.Build([("reference", Reference), ("emulator", Emulator)]));

        markdown.ShouldContain("| reference | 3 | 0 | 0 | 0 | 1 |");
        markdown.ShouldContain("| emulator | 1 | 1 | 1 | 1 | 0 |");
        markdown.ShouldContain("| two | ✅ | ❌ |");
        markdown.ShouldContain("| three | ✅ | unsupported |");
        markdown.ShouldContain("| **total passed** | 3/4 | 1/4 |");
    }

    [Fact]
    public void The_html_escapes_names_and_evidence()
    {
        var hostile = Run(Scenario("<script>alert(1)</script>", 3, "FAILED", "observed: <img src=x onerror=alert(2)>"));

        var html = MatrixHtml.Page(ConformanceMatrix.Build([("reference", Reference), ("<b>x</b>", hostile)]));

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<b>x</b>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("class=\"m-failed\"");
    }
}
