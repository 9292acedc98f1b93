using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Core.Functions;

/// <summary>
/// The <c>functions</c> of <c>conformance.json</c>: a user project's own functions, each with its
/// handler, runtime, timeout, memory size, environment and code folder (<c>codeUri</c>, relative to
/// the file; the file's folder by default). A wrong field is an <see cref="InvalidDataException"/>
/// naming the file, the function and the field. The CLI and the test library read it alike.
/// </summary>
public static class FunctionDeclarations
{
    private static readonly string[] Fields = ["handler", "runtime", "timeout", "memorySize", "environment", "codeUri"];

    /// <summary>The functions of a <c>conformance.json</c> file; none when it has no <c>functions</c>.</summary>
    public static IReadOnlyList<DeclaredFunction> Load(string path)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }
        return json is JsonObject file && file.ContainsKey("functions") ? Parse(path, file["functions"]) : [];
    }

    public static IReadOnlyList<DeclaredFunction> Parse(string path, JsonNode? node)
    {
        if (node is not JsonObject functions)
            throw new InvalidDataException($"{path}: \"functions\" must be an object of functions by name, e.g. {{\"orders\": {{\"handler\": \"src/orders.handler\", \"runtime\": \"nodejs20.x\"}}}}.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return [.. functions.Select(entry => One(path, folder, entry.Key, entry.Value))];
    }

    private static DeclaredFunction One(string path, string folder, string name, JsonNode? node)
    {
        var at = $"{path}: functions.{name}";
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-zA-Z0-9_-]{1,64}$"))
            throw new InvalidDataException($"{at}: a function name is 1 to 64 letters, digits, hyphens or underscores.");
        if (node is not JsonObject function) throw new InvalidDataException($"{at}: must be an object with at least \"handler\" and \"runtime\".");
        foreach (var (key, _) in function)
            if (!Fields.Contains(key)) throw new InvalidDataException($"{at}: unknown field \"{key}\" (known: {string.Join(", ", Fields)}).");
        var handler = Text(function, "handler", at) ?? throw new InvalidDataException($"{at}: \"handler\" is missing (e.g. \"src/orders.handler\": the file src/orders.js, its export handler).");
        var runtime = Text(function, "runtime", at) ?? throw new InvalidDataException($"{at}: \"runtime\" is missing (e.g. \"nodejs20.x\").");
        var timeout = Number(function, "timeout", at, 1, 900, "a whole number of seconds from 1 to 900") ?? 3;
        var memory = Number(function, "memorySize", at, 128, 10240, "a whole number of MB from 128 to 10240") ?? 128;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (function["environment"] is { } variables)
        {
            if (variables is not JsonObject map) throw new InvalidDataException($"{at}.environment: must be an object of names and text values.");
            foreach (var (key, value) in map)
            {
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                    throw new InvalidDataException($"{at}.environment.{key}: must be text (Lambda's environment variables are strings).");
                environment[key] = text.GetValue<string>();
            }
        }
        var directory = Path.GetFullPath(Path.Combine(folder, Text(function, "codeUri", at) ?? "."));
        return new DeclaredFunction(name, new FunctionCode(directory, handler, runtime) { MemorySize = memory, Environment = environment }, TimeSpan.FromSeconds(timeout));
    }

    private static string? Text(JsonObject function, string field, string at) => function[field] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0 => value.GetValue<string>(),
        var other => throw new InvalidDataException($"{at}.{field}: must be non-empty text, not {other.ToJsonString()}."),
    };

    private static int? Number(JsonObject function, string field, string at, int min, int max, string expected) => function[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var n) && n >= min && n <= max => n,
        var other => throw new InvalidDataException($"{at}.{field}: must be {expected}, not {other.ToJsonString()}."),
    };
}
