using System.Text;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Markdown;

/// <summary>
/// A short Markdown summary of a run, for a pull request or the GitHub Actions job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>): totals, then one row per feature, then the scenarios that did not pass.
/// </summary>
public static class MarkdownSummary
{
    public static string Render(RunReport report, string target)
    {
        var scenarios = report.Scenarios.ToList();
        var text = new StringBuilder();
        text.AppendLine($"## Lambda conformance: {target}")
            .AppendLine()
            .AppendLine($"{scenarios.Count} scenarios: {Count(scenarios, "PASSED")} passed, {scenarios.Count(s => s.IsFailure)} failed, " +
                        $"{Count(scenarios, "SKIPPED")} not applicable" + (Count(scenarios, RunReportReader.NotRun) is > 0 and var notRun ? $", {notRun} not run" : ""))
            .AppendLine()
            .AppendLine("| feature | passed | failed | not applicable |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var feature in report.Features)
            text.AppendLine($"| {Escape(feature.Name)} | {Count(feature.Scenarios, "PASSED")} | {feature.Scenarios.Count(s => s.IsFailure)} | {Count(feature.Scenarios, "SKIPPED")} |");
        var failed = report.Features.SelectMany(f => f.Scenarios.Where(s => s.IsFailure).Select(s => (Feature: f, Scenario: s))).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine().AppendLine("### Not passed").AppendLine();
            foreach (var (feature, scenario) in failed)
            {
                var step = scenario.Steps.FirstOrDefault(s => s.Status is not ("PASSED" or "SKIPPED" or RunReportReader.NotRun));
                text.AppendLine($"- **{Escape(feature.Name)}: {Escape(scenario.Name)}** ({scenario.Status}){(step is null ? "" : $": {Escape(step.Text)}")}");
            }
        }
        return text.ToString();
    }

    private static int Count(IEnumerable<ScenarioReport> scenarios, string status) => scenarios.Count(s => s.Status == status);

    /// <summary>Markdown and HTML special characters in names are escaped, so a scenario name cannot inject markup.</summary>
    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");
}
