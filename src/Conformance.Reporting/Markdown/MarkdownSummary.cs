using System.Text;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Markdown;

/// <summary>
/// A short Markdown summary of a run, for a pull request or the GitHub Actions job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>): totals, then one row per feature, then the divergences by cause, then the
/// scenarios that did not pass.
/// </summary>
public static class MarkdownSummary
{
    public static string Render(RunReport report, string target)
    {
        var scenarios = report.Scenarios.ToList();
        var text = new StringBuilder();
        text.AppendLine($"## Lambda conformance: {target}")
            .AppendLine()
            .AppendLine($"{scenarios.Count} scenarios: {Totals(scenarios)}; score {Outcomes.ScoreText(scenarios)}")
            .AppendLine()
            .AppendLine("| feature | passed | failed | unsupported | not applicable | score |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var feature in report.Features)
            text.AppendLine($"| {Escape(feature.Name)} | {Count(feature.Scenarios, Outcomes.Passed)} | {feature.Scenarios.Count(s => s.IsFailure)} | " +
                            $"{Count(feature.Scenarios, Outcomes.Unsupported)} | {Count(feature.Scenarios, Outcomes.NotApplicable)} | {Outcomes.ScoreText(feature.Scenarios)} |");
        var notPassed = report.Features.SelectMany(f => f.Scenarios.Where(s => s.IsDivergence).Select(s => (Feature: f, Scenario: s))).ToList();
        if (notPassed.Count > 0)
        {
            var causes = notPassed.GroupBy(n => (n.Scenario.Status, Cause: Scores.Causes.Of(n.Scenario.Problem?.Message) ?? "(no evidence)"))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Status, StringComparer.Ordinal).ThenBy(g => g.Key.Cause, StringComparer.Ordinal).ToList();
            text.AppendLine().AppendLine($"### By cause ({causes.Count})").AppendLine()
                .AppendLine("| scenarios | outcome | cause |").AppendLine("|---:|---|---|");
            foreach (var cause in causes) text.AppendLine($"| {cause.Count()} | {cause.Key.Status.ToLowerInvariant()} | {Escape(cause.Key.Cause)} |");
            text.AppendLine().AppendLine("### Not passed").AppendLine();
            foreach (var (feature, scenario) in notPassed)
            {
                var step = scenario.Problem;
                text.AppendLine($"- **{Escape(feature.Name)}: {Escape(scenario.Name)}** ({scenario.Status}){(step is null ? "" : $": {Escape(step.Text)}")}");
            }
        }
        return text.ToString();
    }

    /// <summary>"N passed, N failed, N unsupported, N not applicable" (and ", N not run" when any were not).</summary>
    public static string Totals(IReadOnlyCollection<ScenarioReport> scenarios) =>
        $"{Count(scenarios, Outcomes.Passed)} passed, {scenarios.Count(s => s.IsFailure)} failed, {Count(scenarios, Outcomes.Unsupported)} unsupported, " +
        $"{Count(scenarios, Outcomes.NotApplicable)} not applicable" + (Count(scenarios, Outcomes.NotRun) is > 0 and var notRun ? $", {notRun} not run" : "");

    private static int Count(IEnumerable<ScenarioReport> scenarios, string status) => scenarios.Count(s => s.Status == status);

    /// <summary>Markdown and HTML special characters in names are escaped, so a scenario name cannot inject markup.</summary>
    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");
}
