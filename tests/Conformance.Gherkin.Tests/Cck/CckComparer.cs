using System.Text.Json.Nodes;

namespace Conformance.Gherkin.Tests.Cck;

/// <summary>
/// Compares two message streams the way the Cucumber Compatibility Kit's users do: ids, timestamps,
/// durations, locations, URIs, messages, stack traces, worker ids, meta, snippet code and
/// language-specific exception types are ignored; then, envelope type by envelope type, the
/// envelopes must be equal in order.
/// </summary>
public static class CckComparer
{
    private static readonly HashSet<string> Ignored =
    [
        "meta", "uri", "line", "column", "astNodeId", "astNodeIds", "hookId", "id", "pickleId", "pickleStepId", "stepDefinitionIds",
        "testRunStartedId", "testCaseId", "testCaseStartedId", "testStepId", "testRunHookStartedId", "nanos", "seconds", "message",
        "stackTrace", "workerId",
    ];

    /// <summary>The differences, one line each; empty when the streams conform.</summary>
    public static IReadOnlyList<string> Differences(IEnumerable<string> expectedLines, IEnumerable<string> actualLines)
    {
        var expected = Group(expectedLines);
        var actual = Group(actualLines);
        var differences = new List<string>();
        foreach (var type in expected.Keys.Union(actual.Keys).Order())
        {
            var left = expected.GetValueOrDefault(type) ?? [];
            var right = actual.GetValueOrDefault(type) ?? [];
            if (left.Count != right.Count)
                differences.Add($"{type}: expected {left.Count} envelope(s), got {right.Count}");
            for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                if (!JsonNode.DeepEquals(left[i], right[i]))
                    differences.Add($"{type} #{i + 1}:\n  expected {left[i].ToJsonString()}\n  actual   {right[i].ToJsonString()}");
        }
        return differences;
    }

    private static Dictionary<string, List<JsonNode>> Group(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, List<JsonNode>>();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var envelope = JsonNode.Parse(line)!.AsObject();
            var (type, content) = envelope.Single();
            if (type == "meta") continue;
            var normalized = Normalize(content!.DeepClone(), type);
            if (!groups.TryGetValue(type, out var list)) groups[type] = list = [];
            list.Add(normalized!);
        }
        return groups;
    }

    private static JsonNode? Normalize(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var ignore = Ignored.Contains(name)
                        || (key == "exception" && name == "type")
                        || (key == "snippets" && name is "code" or "language");
                    if (ignore) obj.Remove(name);
                    else Normalize(obj[name], name);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Normalize(item, key);
                break;
        }
        return node;
    }
}
