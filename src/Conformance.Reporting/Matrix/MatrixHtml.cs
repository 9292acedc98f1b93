using System.Net;
using System.Text;

namespace Conformance.Reporting.Matrix;

/// <summary>
/// The conformance matrix as HTML: a section the living documentation embeds, and a page of its own.
/// Every cell says its outcome in text and colour; a failure's evidence and a not-applicable reason are
/// in the cell's tooltip and in a details line. Everything from a run is escaped.
/// </summary>
public static class MatrixHtml
{
    public static string Section(ConformanceMatrix matrix)
    {
        var html = new StringBuilder();
        html.Append("<section id=\"matrix\" class=\"matrix\"><h2>Conformance matrix</h2>");
        html.Append("<table class=\"matrix-totals\"><thead><tr><th>target</th><th>passed</th><th>failed</th><th>unsupported</th><th>not applicable</th><th>not run</th></tr></thead><tbody>");
        for (var t = 0; t < matrix.Targets.Count; t++)
        {
            html.Append($"<tr><th>{E(matrix.Targets[t])}</th>");
            foreach (var outcome in MatrixCell.All)
                html.Append($"<td>{ConformanceMatrix.Count(matrix.Rows, t, outcome)}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        html.Append("<table class=\"matrix-grid\"><thead><tr><th>scenario</th>");
        foreach (var target in matrix.Targets) html.Append($"<th>{E(target)}</th>");
        html.Append("</tr></thead>");
        foreach (var feature in matrix.Features)
        {
            html.Append($"<tbody><tr class=\"matrix-feature\"><th>{E(feature.Name)}</th>");
            for (var t = 0; t < matrix.Targets.Count; t++)
                html.Append($"<th>{ConformanceMatrix.Count(feature.Rows, t, MatrixCell.Passed)}/{feature.Rows.Count} passed</th>");
            html.Append("</tr>");
            foreach (var row in feature.Rows)
            {
                html.Append($"<tr><td>{E(row.Scenario)}</td>");
                foreach (var cell in row.Cells)
                {
                    var css = "m-" + cell.Outcome.Replace("/", "").Replace(' ', '-');
                    var title = cell.Detail is null ? "" : $" title=\"{E(cell.Detail)}\"";
                    html.Append($"<td class=\"{css}\"{title}>{E(cell.Outcome)}{(cell.Baseline is { } mark ? $" <span class=\"baseline {E(mark)}\">{E(mark)}</span>" : "")}</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody>");
        }
        html.Append("</table></section>");
        return html.ToString();
    }

    /// <summary>The matrix as a self-contained page (no scripts, no external resources).</summary>
    public static string Page(ConformanceMatrix matrix) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lambda conformance matrix</title><style>" + Css + Scores.ScorecardHtml.Css +
        "</style></head><body>" + Scores.ScorecardHtml.Section(matrix) + Section(matrix) + "</body></html>";

    public const string Css =
        ".matrix table{border-collapse:collapse;margin:1em 0}.matrix th,.matrix td{border:1px solid #ccc;padding:.25em .6em;text-align:left;font:14px system-ui,sans-serif}" +
        ".matrix-feature th{background:#eef}.m-passed{background:#dfd}.m-failed{background:#fdd}.m-unsupported{background:#fde9c8}.m-na{background:#eee;color:#555}.m-not-run{color:#999}" +
        ".matrix .baseline{font-size:.75em;margin-left:.3em}.matrix .baseline.new{color:#b00020;font-weight:bold}.matrix .baseline.fixed{color:#1b7a1b;font-weight:bold}";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
