using System.Text.RegularExpressions;

namespace Conformance.Reporting.Baselines;

/// <summary>
/// A divergence's evidence (its failed step's message) without what differs from run to run on the same
/// target: request and message ids, times, durations, ports, temporary folders, long numbers and tokens,
/// and how long a run of identical items went on (an emulator that retries without end is seen retrying
/// 25 or 29 times, depending on when the check looked). What is left is the divergence's shape, which a
/// baseline accepts.
/// </summary>
public static partial class ObservedValue
{
    /// <summary>From this many identical items on, a list is shown as one item and "and more".</summary>
    public const int Endless = 10;

    public static string Normalize(string? message)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var text = message.Replace(Path.GetTempPath().TrimEnd('/', '\\'), "<temp>", StringComparison.Ordinal);
        text = TempFolders().Replace(text, "<temp>/<folder>/");
        text = TempFolder().Replace(text, "<temp>/<folder>");
        text = Uuid().Replace(text, "<id>");
        text = IsoTime().Replace(text, "<time>");
        text = ApiTime().Replace(text, "<time>");
        text = Port().Replace(text, "127.0.0.1:<port>");
        text = Hex().Replace(text, "<hex>");
        text = LongNumber().Replace(text, "<number>");
        text = Token().Replace(text, "<token>");
        text = Decimal().Replace(text, "<decimal>");
        text = Ordinal().Replace(text, "#<n>");
        return string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(CollapseRuns)).Trim();
    }

    /// <summary>A run of <see cref="Endless"/> or more identical items (split by ", ", "; " or " | ") as one, and the line's counts as "many".</summary>
    private static string CollapseRuns(string line)
    {
        foreach (var separator in new[] { "; ", ", ", " | " })
        {
            var items = line.Split(separator);
            var collapsed = new List<string>();
            var changed = false;
            for (var i = 0; i < items.Length;)
            {
                var j = i;
                while (j < items.Length && items[j] == items[i]) j++;
                if (j - i >= Endless) { collapsed.Add($"{items[i]}{separator}… (and more)"); changed = true; }
                else collapsed.AddRange(items[i..j]);
                i = j;
            }
            if (changed) return Count().Replace(string.Join(separator, collapsed), "<many>");
        }
        return line;
    }

    /// <summary>The folders of a path under the temporary folder, whatever their depth (a run's folder, then the scenario's cN), up to the file.</summary>
    [GeneratedRegex(@"<temp>/(?:[A-Za-z0-9._<>-]+/)+")]
    private static partial Regex TempFolders();

    [GeneratedRegex(@"<temp>/[A-Za-z0-9._-]+")]
    private static partial Regex TempFolder();

    [GeneratedRegex(@"#\d+\b")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b\d{2,}\b")]
    private static partial Regex Count();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}")]
    private static partial Regex ApiTime();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{16,}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b\d{10,}\b")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"(?<![\d.])\d+\.\d+(?![\d.])")]
    private static partial Regex Decimal();
}
