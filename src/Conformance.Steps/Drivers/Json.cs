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

    public static JsonNode? ParseOrNull(string? json)
    {
        if (json is null) return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
