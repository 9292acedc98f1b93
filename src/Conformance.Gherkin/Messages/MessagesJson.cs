using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Messages;

/// <summary>
/// JSON for Cucumber Messages as the other Cucumber implementations write it: camelCase names,
/// nulls left out, and enums as their protocol strings (e.g. <c>"PASSED"</c>, <c>"Context"</c>).
/// </summary>
public static class MessagesJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ProtocolEnumConverterFactory() },
    };

    public static string Serialize(Envelope envelope) => JsonSerializer.Serialize(envelope, Options);

    public static Envelope Deserialize(string line) =>
        JsonSerializer.Deserialize<Envelope>(line, Options) ?? throw new JsonException("The line holds no envelope.");

    private sealed class ProtocolEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type type) => type.IsEnum && type.Namespace == typeof(Envelope).Namespace;

        public override JsonConverter CreateConverter(Type type, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ProtocolEnumConverter<>).MakeGenericType(type))!;
    }

    private sealed class ProtocolEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> ToText = BuildNames();
        private static readonly Dictionary<string, T> FromText = ToText.ToDictionary(p => p.Value, p => p.Key);

        // The package generates a static `XxxExtensions.Value(Xxx)` for each enum with the protocol text.
        private static Dictionary<T, string> BuildNames()
        {
            var extensions = typeof(T).Assembly.GetType(typeof(T).FullName + "Extensions");
            var value = extensions?.GetMethod("Value", BindingFlags.Public | BindingFlags.Static, [typeof(T)]);
            return Enum.GetValues<T>().ToDictionary(v => v, v => (string?)value?.Invoke(null, [v]) ?? v.ToString());
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            return FromText.TryGetValue(text, out var value) ? value : throw new JsonException($"Unknown {typeof(T).Name} '{text}'.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ToText[value]);
    }
}
