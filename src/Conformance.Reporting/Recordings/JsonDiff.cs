using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.Reporting.Recordings;

/// <summary>
/// The differences between two JSON documents, one line per path (<c>observations[1].event.Records[0].body</c>).
/// Numbers under a key named <c>seconds</c> are times on a real clock and count as equal within a
/// tolerance (the larger of 2 s and 10 %).
/// </summary>
public static class JsonDiff
{
    public sealed record Difference(string Path, string? Expected, string? Observed)
    {
        public override string ToString() => $"{Path}: expected {Expected ?? "(absent)"}, observed {Observed ?? "(absent)"}";
    }

    public static IReadOnlyList<Difference> Compare(JsonNode? expected, JsonNode? observed)
    {
        var differences = new List<Difference>();
        Walk("$", expected, observed, differences);
        return differences;
    }

    private static void Walk(string path, JsonNode? expected, JsonNode? observed, List<Difference> differences)
    {
        switch (expected, observed)
        {
            case (JsonObject e, JsonObject o):
                foreach (var key in e.Select(p => p.Key).Union(o.Select(p => p.Key)))
                    if (!e.ContainsKey(key)) differences.Add(new Difference($"{path}.{key}", null, o[key]?.ToJsonString() ?? "null"));
                    else if (!o.ContainsKey(key)) differences.Add(new Difference($"{path}.{key}", e[key]?.ToJsonString() ?? "null", null));
                    else Walk($"{path}.{key}", e[key], o[key], differences);
                break;
            case (JsonArray e, JsonArray o):
                for (var i = 0; i < Math.Max(e.Count, o.Count); i++)
                    if (i >= e.Count) differences.Add(new Difference($"{path}[{i}]", null, o[i]?.ToJsonString() ?? "null"));
                    else if (i >= o.Count) differences.Add(new Difference($"{path}[{i}]", e[i]?.ToJsonString() ?? "null", null));
                    else Walk($"{path}[{i}]", e[i], o[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, observed) && !WithinTimeTolerance(path, expected, observed))
                    differences.Add(new Difference(path, expected?.ToJsonString() ?? "null", observed?.ToJsonString() ?? "null"));
                break;
        }
    }

    private static bool WithinTimeTolerance(string path, JsonNode? expected, JsonNode? observed)
    {
        if (!path.EndsWith(".seconds", StringComparison.Ordinal) || expected is not JsonValue e || observed is not JsonValue o) return false;
        if (!double.TryParse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            || !double.TryParse(o.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)) return false;
        return Math.Abs(a - b) <= Math.Max(2, 0.1 * Math.Abs(a));
    }
}
