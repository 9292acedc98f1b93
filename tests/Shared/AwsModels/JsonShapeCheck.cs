using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>
/// A JSON value against a shape, as AWS's JSON and REST-JSON protocols serialise it: a structure is an
/// object of the shape's body members (under their location names), a list an array, a map an object, a
/// timestamp epoch seconds unless the member says otherwise, a blob base64 text.
/// </summary>
public static class JsonShapeCheck
{
    /// <summary>Adds to <paramref name="problems"/> each way <paramref name="node"/> (at <paramref name="path"/>) departs from <paramref name="shape"/>; a <paramref name="request"/> may not carry nulls.</summary>
    /// <param name="node">The value.</param>
    /// <param name="shape">The model's shape for it.</param>
    /// <param name="path">Where the value is, for the problems' words.</param>
    /// <param name="request">Whether the value is sent (nulls are refused) or answered (nulls are left alone).</param>
    /// <param name="problems">Where the departures go.</param>
    /// <param name="bodyOnly">For a REST structure at the top: only the members without a location (the others travel in the URI, query or headers).</param>
    public static void Check(JsonNode? node, Shape shape, string path, bool request, List<string> problems, bool bodyOnly = false)
    {
        if (node is null)
        {
            if (request) problems.Add($"{path}: null, where the model wants a {shape.Type}");
            return;
        }
        switch (shape.Type)
        {
            case "structure": Structure(node, shape, path, request, problems, bodyOnly); break;
            case "list":
                if (node is not JsonArray list) { problems.Add($"{path}: {Kind(node)}, the model wants a list"); return; }
                for (var i = 0; i < list.Count; i++) Check(list[i], shape.ListMember, $"{path}[{i}]", request, problems);
                break;
            case "map":
                if (node is not JsonObject map) { problems.Add($"{path}: {Kind(node)}, the model wants a map"); return; }
                foreach (var (key, value) in map) Check(value, shape.MapValue, $"{path}.{key}", request, problems);
                break;
            default: Scalar(node, shape, path, problems); break;
        }
    }

    private static void Structure(JsonNode node, Shape shape, string path, bool request, List<string> problems, bool bodyOnly)
    {
        if (node is not JsonObject structure)
        {
            problems.Add($"{path}: {Kind(node)}, the model wants a structure");
            return;
        }
        var members = shape.Members.Where(m => !bodyOnly || m.Shape.Location is null)
            .ToDictionary(m => m.Shape.LocationName ?? m.Name, m => m, StringComparer.Ordinal);
        foreach (var (key, value) in structure)
        {
            if (key == "__type" && !request) continue; // a union's or an error's type tag
            if (!request && NewerThanTheModel.Contains(key)) continue;
            if (members.TryGetValue(key, out var member)) Check(value, member.Shape, $"{path}.{key}", request, problems);
            else problems.Add($"{path}.{key}: not a member of the model ({Known(members.Keys)})");
        }
        foreach (var (wireName, member) in members)
            if (shape.Required.Contains(member.Name) && !structure.ContainsKey(wireName))
                problems.Add($"{path}.{wireName}: required by the model, missing");
    }

    private static void Scalar(JsonNode node, Shape shape, string path, List<string> problems)
    {
        var kind = node.GetValueKind();
        var fits = shape.Type switch
        {
            "string" or "blob" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" or "long" => kind == JsonValueKind.Number && node.GetValue<JsonElement>().TryGetInt64(out _),
            "float" or "double" => kind == JsonValueKind.Number,
            "timestamp" => shape.TimestampFormat is "iso8601" or "rfc822" ? kind == JsonValueKind.String : kind == JsonValueKind.Number,
            _ => true, // document: any JSON
        };
        if (!fits) problems.Add($"{path}: {Kind(node)} {node.ToJsonString()}, the model wants a {shape.Type}{(shape.Type == "timestamp" ? $" ({shape.TimestampFormat ?? "epoch seconds"})" : "")}");
    }

    /// <summary>
    /// Members AWS answers with that the pinned models (September 2024) do not have yet, each with the
    /// recording that shows it: an answer may carry them; a request may not.
    /// </summary>
    private static readonly HashSet<string> NewerThanTheModel =
    [
        // Lambda's event source mapping ARN: in CreateEventSourceMapping's and DeleteEventSourceMapping's answers
        // recorded 2025-11-25 (localstack/localstack, tests/aws/services/lambda_/test_lambda_api.snapshot.json,
        // test_event_source_mapping_lifecycle).
        "EventSourceMappingArn",
    ];

    internal static string Known(IEnumerable<string> names) => "members: " + string.Join(", ", names.Order(StringComparer.Ordinal));

    private static string Kind(JsonNode node) => node.GetValueKind().ToString().ToLowerInvariant();
}
