using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Events;

/// <summary>
/// The serializer settings of every event shape: camelCase names unless a property names itself
/// (AWS mixes conventions: <c>Records</c>, <c>eventSourceARN</c>, <c>detail-type</c>), nulls written
/// unless a property is marked as absent-when-null, and no escaping of characters JSON allows.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The same settings, indented, for the checked-in fixture files.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true, IndentSize = 2 };

    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? Indented : Options);

    /// <summary>The value as a JSON tree, in the same shape <see cref="Serialize"/> writes (no text in between).</summary>
    public static System.Text.Json.Nodes.JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");

    /// <summary>The JSON value in <paramref name="text"/>, or null when it is absent, JSON null or not JSON.</summary>
    public static System.Text.Json.Nodes.JsonNode? ParseOrNull(string? text)
    {
        if (text is null) return null;
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="text"/> is one well-formed JSON value.</summary>
    public static bool IsValidJson(string text)
    {
        // A reader checks the syntax without building a document: one pass, no allocation beyond the bytes.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            if (!reader.Read()) return false;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>Every event shape keeps the fields it does not know, so nothing a real target sends is dropped.</summary>
public abstract record EventShape
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
