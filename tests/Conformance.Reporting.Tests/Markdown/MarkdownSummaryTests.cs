using Conformance.Reporting.Markdown;
using Conformance.Reporting.Model;
using Conformance.Reporting.Tests.Model;

namespace Conformance.Reporting.Tests.Markdown;

public sealed class MarkdownSummaryTests
{
    [Fact]
    public async Task Summarises_totals_per_feature_and_names_what_did_not_pass_without_letting_names_inject_markup()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: Pipes | and <script>
              Scenario: passes
                Given a passing step
              Scenario: fails *bold*
                Then it fails with "boom"
            """));

        var summary = MarkdownSummary.Render(report, "reference");

        summary.ShouldContain("2 scenarios: 1 passed, 1 failed, 0 unsupported, 0 not applicable; score 50 %");
        summary.ShouldContain("| Pipes \\| and &lt;script&gt; | 1 | 1 | 0 |");
        summary.ShouldContain("**Pipes \\| and &lt;script&gt;: fails \\*bold\\*** (FAILED)");
        summary.ShouldNotContain("<script>");
    }
}
