using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.Validation;

/// <summary>A field of a user's event that does not fit the shape: its JSON path and what is wrong.</summary>
public sealed record ShapeProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks JSON against an event shape, using the shape's C# type as the definition: every property is
/// required unless it is marked as absent-when-null, may be null only if its type is nullable, and
/// must hold the JSON kind its type implies. Extra fields are allowed (AWS adds fields over time).
/// </summary>
public static class ShapeValidator
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<ShapeProblem> Validate(JsonNode? json, Type shape)
    {
        var problems = new List<ShapeProblem>();
        Check(json, shape, "$", nullable: false, problems);
        return problems;
    }

    private static void Check(JsonNode? node, Type type, string path, bool nullable, List<ShapeProblem> problems)
    {
        if (node is null)
        {
            if (!nullable) problems.Add(new(path, $"must not be null (expected {Describe(type)})"));
            return;
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(JsonNode)) return;
        if (underlying == typeof(JsonObject))
        {
            if (node is not JsonObject) problems.Add(new(path, $"expected an object, found {Kind(node)}"));
            return;
        }
        if (underlying == typeof(string)) { Expect(node, JsonValueKind.String, path, problems); return; }
        if (underlying == typeof(bool))
        {
            if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) problems.Add(new(path, $"expected true or false, found {Kind(node)}"));
            return;
        }
        if (underlying.IsPrimitive || underlying == typeof(decimal)) { Expect(node, JsonValueKind.Number, path, problems); return; }

        var dictionary = underlying.GetInterfaces().Append(underlying)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
        {
            if (node is not JsonObject map) { problems.Add(new(path, $"expected an object, found {Kind(node)}")); return; }
            foreach (var (name, value) in map) Check(value, dictionary.GetGenericArguments()[1], $"{path}.{name}", false, problems);
            return;
        }
        var list = underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? underlying : null;
        if (list is not null)
        {
            if (node is not JsonArray array) { problems.Add(new(path, $"expected an array, found {Kind(node)}")); return; }
            for (var i = 0; i < array.Count; i++) Check(array[i], list.GetGenericArguments()[0], $"{path}[{i}]", false, problems);
            return;
        }

        if (node is not JsonObject obj) { problems.Add(new(path, $"expected an object, found {Kind(node)}")); return; }
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                continue;
            var name = JsonName(property);
            var optional = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull;
            var propertyNullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || Nullability.Create(property).ReadState == NullabilityState.Nullable;
            if (!obj.TryGetPropertyValue(name, out var value))
            {
                if (!optional) problems.Add(new($"{path}.{name}", $"missing (expected {Describe(property.PropertyType)})"));
                continue;
            }
            Check(value, property.PropertyType, $"{path}.{name}", propertyNullable, problems);
        }
    }

    private static void Expect(JsonNode node, JsonValueKind kind, string path, List<ShapeProblem> problems)
    {
        if (node.GetValueKind() != kind) problems.Add(new(path, $"expected {Describe(kind)}, found {Kind(node)}"));
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string Kind(JsonNode node) => Describe(node.GetValueKind());

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return "a string";
        if (underlying == typeof(bool)) return "a boolean";
        if (underlying.IsPrimitive) return "a number";
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return "an array";
        return "an object";
    }
}
