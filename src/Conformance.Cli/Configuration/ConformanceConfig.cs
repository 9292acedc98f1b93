using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Cli.Configuration;

/// <summary>
/// <c>conformance.json</c>: the defaults of <c>conformance run</c> for a project (target, endpoint, region,
/// role, tags, parallelism, report folder, features), and a user project's own functions. Options on the command line win. Unknown fields
/// and wrong types are errors that name the file, the field and what was expected.
/// </summary>
public sealed record ConformanceConfig
{
    public const string FileName = "conformance.json";

    public string? Target { get; init; }
    public string? Endpoint { get; init; }
    public string? Region { get; init; }
    public string? RoleArn { get; init; }
    public string? Tags { get; init; }
    public int? Parallel { get; init; }
    public string? Report { get; init; }
    public string? Features { get; init; }

    /// <summary>The project's own functions (<see cref="Core.Functions.FunctionDeclarations"/>); empty for the kit's corpus.</summary>
    public IReadOnlyList<Core.Functions.DeclaredFunction> Functions { get; init; } = [];

    private static readonly string[] StringFields = ["target", "endpoint", "region", "roleArn", "tags", "report", "features"];

    /// <summary>Reads the file; null when it does not exist; <see cref="InvalidDataException"/> with a clear message when it is wrong.</summary>
    public static ConformanceConfig? Load(string path)
    {
        if (!File.Exists(path)) return null;
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new InvalidDataException($"{path}: the configuration must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }
        foreach (var (key, value) in json)
        {
            if (StringFields.Contains(key))
            {
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                    throw new InvalidDataException($"{path}: \"{key}\" must be a string, not {Describe(value)}.");
            }
            else if (key == "parallel")
            {
                if (value is not JsonValue number || !number.TryGetValue<int>(out var n) || n is < 1 or > 64)
                    throw new InvalidDataException($"{path}: \"parallel\" must be a whole number from 1 to 64, not {Describe(value)}.");
            }
            else if (key != "$schema" && key != "functions")
            {
                throw new InvalidDataException($"{path}: unknown field \"{key}\" (known: {string.Join(", ", StringFields.Append("parallel").Append("functions"))}).");
            }
        }
        var config = new ConformanceConfig
        {
            Target = Text(json, "target"), Endpoint = Text(json, "endpoint"), Region = Text(json, "region"), RoleArn = Text(json, "roleArn"),
            Tags = Text(json, "tags"), Report = Text(json, "report"), Features = Text(json, "features"),
            Parallel = json["parallel"]?.GetValue<int>(),
            Functions = json.ContainsKey("functions") ? Core.Functions.FunctionDeclarations.Parse(path, json["functions"]) : [],
        };
        if (config.Target is { } target && !Commands.TargetSession.Names.Contains(target))
            throw new InvalidDataException($"{path}: \"target\" must be one of {string.Join(", ", Commands.TargetSession.Names)}, not \"{target}\".");
        return config;
    }

    private static string? Text(JsonObject json, string key) => json[key]?.GetValue<string>();

    private static string Describe(JsonNode? value) => value is null ? "null" : value.GetValueKind() switch
    {
        JsonValueKind.String => $"the text {value.ToJsonString()}",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ToJsonString(),
    };
}
