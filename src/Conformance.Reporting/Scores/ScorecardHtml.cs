using System.Globalization;
using System.Net;
using System.Text;
using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Scores;

/// <summary>
/// The top of the HTML reports: per target and feature area a stacked bar of passed, failed,
/// unsupported and not applicable with the score, then the divergences: first grouped by cause (how
/// many distinct problems there are, each with its scenarios), then by feature, each with its
/// evidence. Everything from a run is escaped.
/// </summary>
public static class ScorecardHtml
{
    public static string Section(ConformanceMatrix matrix)
    {
        var html = new StringBuilder("<section id=\"scores\" class=\"scores\"><h2>Scores</h2>")
            .Append("<p class=\"legend\"><span class=\"b-passed\">passed</span> <span class=\"b-failed\">failed</span> ")
            .Append("<span class=\"b-unsupported\">unsupported</span> <span class=\"b-na\">not applicable</span> ")
            .Append("<span class=\"b-notrun\">not run</span> · score = passed / (passed + failed + unsupported)</p>");
        foreach (var target in Scorecard.Build(matrix))
        {
            html.Append("<table class=\"score-table\"><thead><tr><th>").Append(E(target.Target)).Append("</th><th>outcomes</th><th>score</th></tr></thead><tbody>");
            html.Append(Row(target.Overall, "score-all"));
            foreach (var area in target.Areas) html.Append(Row(area, ""));
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
        for (var t = 0; t < matrix.Targets.Count; t++) html.Append(DivergencesSection(matrix.Targets[t], Scorecard.Divergences(matrix, t)));
        return html.ToString();
    }

    private static string Row(AreaScore area, string css)
    {
        var html = new StringBuilder("<tr class=\"").Append(css).Append("\"><td>").Append(E(area.Area)).Append("</td><td><div class=\"bar\" role=\"img\" aria-label=\"")
            .Append(E($"{area.Passed} passed, {area.Failed} failed, {area.Unsupported} unsupported, {area.NotApplicable} not applicable, {area.NotRun} not run")).Append("\">");
        foreach (var (count, name) in new[] { (area.Passed, "passed"), (area.Failed, "failed"), (area.Unsupported, "unsupported"), (area.NotApplicable, "na"), (area.NotRun, "notrun") })
        {
            if (count == 0) continue;
            var width = 100.0 * count / area.Total;
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"b-{name}\" style=\"width:{width:0.##}%\" title=\"{count} {name}\">{count}</span>");
        }
        return html.Append("</div></td><td class=\"score\">").Append(Outcomes.ScoreText(area.Score)).Append("</td></tr>").ToString();
    }

    private static string DivergencesSection(string target, IReadOnlyList<Divergence> divergences)
    {
        var html = new StringBuilder("<section class=\"divergences\"><h2>Divergences on ").Append(E(target)).Append(" (").Append(divergences.Count).Append(")</h2>");
        if (divergences.Count == 0) return html.Append("<p>None: every scenario that ran passed.</p></section>").ToString();
        var causes = Scorecard.ByCause(divergences);
        html.Append("<details open class=\"causes\"><summary>By cause: ").Append(causes.Count).Append(causes.Count == 1 ? " cause" : " causes").Append("</summary><ol>");
        foreach (var group in causes)
        {
            html.Append("<li class=\"cause\"><details><summary><span class=\"b-").Append(group.Outcome).Append("\">").Append(group.Outcome).Append("</span> ")
                .Append(E(group.Cause)).Append(" <span class=\"count\">").Append(group.Divergences.Count).Append("</span></summary><ul>");
            foreach (var divergence in group.Divergences) html.Append("<li>").Append(E(divergence.Feature)).Append(": ").Append(E(divergence.Scenario)).Append("</li>");
            html.Append("</ul></details></li>");
        }
        html.Append("</ol></details>");
        foreach (var feature in divergences.GroupBy(d => d.Feature))
        {
            html.Append("<details open><summary>").Append(E(feature.Key)).Append(" <span class=\"count\">").Append(feature.Count()).Append("</span></summary><ul>");
            foreach (var divergence in feature)
            {
                html.Append("<li class=\"divergence\"><span class=\"b-").Append(divergence.Outcome).Append("\">").Append(divergence.Outcome).Append("</span> <strong>")
                    .Append(E(divergence.Scenario)).Append("</strong>");
                if (divergence.Evidence is not null) html.Append("<pre class=\"evidence\">").Append(E(divergence.Evidence)).Append("</pre>");
                html.Append("</li>");
            }
            html.Append("</ul></details>");
        }
        return html.Append("</section>").ToString();
    }

    public const string Css =
        ".score-table{border-collapse:collapse;margin:.6em 0}.score-table td,.score-table th{padding:.2em .6em;text-align:left;font:14px system-ui,sans-serif}" +
        ".score-all{font-weight:bold}.score{text-align:right}.bar{display:flex;width:24rem;height:1.1rem;background:#f3f3f3;border-radius:.2rem;overflow:hidden}" +
        ".bar span{display:block;color:#fff;font-size:.7rem;text-align:center;line-height:1.1rem;overflow:hidden}" +
        ".b-passed{background:#2e7d32;color:#fff}.b-failed{background:#c62828;color:#fff}.b-unsupported{background:#ef6c00;color:#fff}" +
        ".b-na{background:#9e9e9e;color:#fff}.b-notrun{background:#cfd8dc;color:#333}" +
        ".legend span{padding:0 .4em;border-radius:.2em}.divergences li{margin:.4em 0}" +
        "pre.evidence{background:#fff4f4;border:1px solid #f3c0c0;padding:.4rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.2em 0}" +
        ".divergences li>span{font-size:.7rem;padding:.05rem .35rem;border-radius:.2rem}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
