using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Steps.Drivers;

/// <summary>JSON helpers for comparing payloads by value rather than by text.</summary>
public static class Json
{
    public static bool SameValue(string? left, string? right)
    {
        if (left is null || right is null) return left == right;
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (JsonException)
        {
            return left == right;
        }
    }

    /// <summary>The payload on one line, for messages.</summary>
    public static string Compact(string? json)
    {
        if (json is null) return "(no payload)";
        try
        {
            return JsonNode.Parse(json)?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    public static JsonNode? ParseOrNull(string? json) => Conformance.Events.EventJson.ParseOrNull(json);

    /// <summary>The node at a dotted path such as <c>Records.0.s3.object.key</c> (numbers index arrays), or null.</summary>
    public static JsonNode? At(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current switch
            {
                JsonArray array when int.TryParse(part, out var index) => index < array.Count ? array[index] : null,
                JsonObject obj => obj[part],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    /// <summary>True when <paramref name="actual"/> is the text <paramref name="expected"/> (a string's value) or the same JSON value.</summary>
    public static bool Matches(JsonNode? actual, string expected)
    {
        if (actual is null) return false;
        if (actual is JsonValue value && value.TryGetValue<string>(out var text)) return text == expected;
        return SameValue(actual.ToJsonString(), expected);
    }
}
