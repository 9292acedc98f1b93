using System.Text.RegularExpressions;

namespace Conformance.Reporting.Baselines;

/// <summary>
/// A divergence's evidence (its failed step's message) without what differs from run to run on the same
/// target: request and message ids, times, durations, ports, long numbers and tokens. What is left is
/// the divergence's shape, which a baseline accepts.
/// </summary>
public static partial class ObservedValue
{
    public static string Normalize(string? message)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var text = Uuid().Replace(message, "<id>");
        text = IsoTime().Replace(text, "<time>");
        text = ApiTime().Replace(text, "<time>");
        text = Port().Replace(text, "127.0.0.1:<port>");
        text = Hex().Replace(text, "<hex>");
        text = Token().Replace(text, "<token>");
        text = LongNumber().Replace(text, "<number>");
        text = Decimal().Replace(text, "<decimal>");
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}")]
    private static partial Regex ApiTime();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"\b[0-9a-fA-F]{16,}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b\d{10,}\b")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Decimal();
}
