using System.Text.RegularExpressions;

namespace Conformance.Reporting.Scores;

/// <summary>
/// What a divergence says went wrong, with its particulars taken out, so that the divergences one
/// problem causes fall into one group: an unsupported scenario's reason, or the first line of a failure
/// (up to its first <c>": "</c>, where the particulars begin), with quoted names and numbers replaced.
/// "The mapping ... refused ... with no status" and "The configuration ... refused ... with no status"
/// stay two causes only if the check words them apart; the checks lead with the kind of difference.
/// </summary>
public static partial class Causes
{
    public static string? Of(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        var line = message.Split('\n')[0].Trim();
        if (line.StartsWith(Model.Outcomes.UnsupportedPrefix, StringComparison.Ordinal)) line = line[Model.Outcomes.UnsupportedPrefix.Length..];
        else if (line.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon) line = line[..colon];
        line = Quoted().Replace(line, "…");
        return Number().Replace(line, "N");
    }

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|\\([^)]*\\)")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b\d+(\.\d+)?\b")]
    private static partial Regex Number();
}
