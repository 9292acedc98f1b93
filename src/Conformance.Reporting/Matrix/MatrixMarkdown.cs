using System.Text;

namespace Conformance.Reporting.Matrix;

/// <summary>The conformance matrix as Markdown: totals per target, then per feature a table of scenario × target.</summary>
public static class MatrixMarkdown
{
    public static string Render(ConformanceMatrix matrix)
    {
        var text = new StringBuilder();
        text.AppendLine("## Conformance matrix").AppendLine();
        text.AppendLine("| target | passed | failed | unsupported | not applicable | not run |").AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var t = 0; t < matrix.Targets.Count; t++)
            text.AppendLine($"| {Escape(matrix.Targets[t])} | {Totals(matrix.Rows, t)} |");
        foreach (var feature in matrix.Features)
        {
            text.AppendLine().AppendLine($"### {Escape(feature.Name)}").AppendLine();
            text.AppendLine($"| scenario | {string.Join(" | ", matrix.Targets.Select(Escape))} |");
            text.AppendLine($"|---|{string.Join("|", matrix.Targets.Select(_ => ":---:"))}|");
            foreach (var row in feature.Rows) text.AppendLine($"| {Escape(row.Scenario)} | {string.Join(" | ", row.Cells.Select(c => Mark(c) + (c.Baseline is { } mark ? $" {mark}" : "")))} |");
            text.AppendLine($"| **total passed** | {string.Join(" | ", matrix.Targets.Select((_, t) => $"{ConformanceMatrix.Count(feature.Rows, t, MatrixCell.Passed)}/{feature.Rows.Count}"))} |");
        }
        return text.ToString();
    }

    private static string Totals(IEnumerable<MatrixRow> rows, int target) => string.Join(" | ",
        MatrixCell.All.Select(o => ConformanceMatrix.Count(rows, target, o)));

    private static string Mark(MatrixCell cell) => cell.Outcome switch
    {
        MatrixCell.Passed => "✅",
        MatrixCell.Failed => "❌",
        MatrixCell.Unsupported => "unsupported",
        MatrixCell.NotApplicable => "n/a",
        _ => "–",
    };

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");
}
