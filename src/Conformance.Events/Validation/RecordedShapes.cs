using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Events.Validation;

/// <summary>
/// The fields AWS sends, as recorded on AWS or printed in its documentation: for each kind of event or
/// record, every JSON path that every recording has, with the JSON types seen there. <c>any</c> stands
/// for a value the recording masked (ids, times), and a field recorded only as null may hold any type.
/// </summary>
public sealed record RecordedShape(string Name, IReadOnlyList<string> Sources, IReadOnlyDictionary<string, IReadOnlySet<string>> Fields)
{
    /// <summary>
    /// A shape with no fixture of its own, used to check users' events: the fields every recorded variant of
    /// a source has (for variants with no recording of their own), or a runtime's document the kit does not generate.
    /// </summary>
    public bool Fallback { get; init; }
}

/// <summary>
/// The recorded shapes (<c>Validation/Recorded/*.json</c>, each naming its sources) and the comparison
/// of an event with them: a field AWS sends that the event lacks, or holds with another JSON type, is a
/// problem named by its JSON path. Records of a batch are each compared with the shape of their own
/// kind (an SQS FIFO record, a DynamoDB INSERT with NEW_IMAGE, an S3 ObjectCreated 2.1 record, ...).
/// </summary>
public static class RecordedShapes
{
    private static readonly Lazy<IReadOnlyDictionary<string, RecordedShape>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, RecordedShape> All => Loaded.Value;

    /// <summary>The recorded shapes that apply to <paramref name="json"/>, with the path of the part each applies to.</summary>
    public static IReadOnlyList<(string Path, RecordedShape Shape)> For(JsonNode? json) => [.. Parts(json).Select(p => (p.Path, p.Shape))];

    /// <summary>Every field of the recorded counterparts that <paramref name="json"/> lacks or holds with another type.</summary>
    public static IReadOnlyList<ShapeProblem> Compare(JsonNode? json)
    {
        var problems = new List<ShapeProblem>();
        foreach (var (path, part, shape) in Parts(json))
            foreach (var (field, types) in shape.Fields) Check(part, field[1..], path, types, shape, problems);
        return problems;
    }

    /// <summary>The parts of <paramref name="json"/> a recorded shape applies to: each record of a batch, or the event itself and the records it carries.</summary>
    private static IEnumerable<(string Path, JsonNode Part, RecordedShape Shape)> Parts(JsonNode? json)
    {
        if (json is not JsonObject obj) yield break;
        if (obj["Records"] is JsonArray records)
        {
            foreach (var part in RecordParts(records, "$.Records")) yield return part;
            yield break;
        }
        if (EventShape(obj) is { } eventName && All.TryGetValue(eventName, out var shape)) yield return ("$", obj, shape);
        // An on-failure record for S3 carries the batch's event: its records are compared too.
        if (obj["payload"] is JsonObject payload && payload["Records"] is JsonArray carried)
            foreach (var part in RecordParts(carried, "$.payload.Records")) yield return part;
    }

    private static IEnumerable<(string Path, JsonNode Part, RecordedShape Shape)> RecordParts(JsonArray records, string at)
    {
        for (var i = 0; i < records.Count; i++)
            if (RecordShape(records[i] as JsonObject) is { } name && All.TryGetValue(name, out var shape)) yield return ($"{at}[{i}]", records[i]!, shape);
    }

    private static void Check(JsonNode? node, string rest, string at, IReadOnlySet<string> types, RecordedShape shape, List<ShapeProblem> problems)
    {
        if (rest.Length == 0)
        {
            var actual = TypeOf(node);
            var onlyNullSeen = types.Count == 1 && types.Contains("null"); // a value AWS sent as null may be of any type
            if (!types.Contains("any") && !onlyNullSeen && !types.Contains(actual))
                problems.Add(new(at, $"is {actual}; AWS sends {string.Join(" or ", types)} (recorded: {shape.Sources[0]})"));
            return;
        }
        if (rest.StartsWith("[*]", StringComparison.Ordinal))
        {
            if (node is JsonArray array)
                for (var i = 0; i < array.Count; i++) Check(array[i], rest[3..], $"{at}[{i}]", types, shape, problems);
            return;
        }
        var name = rest[1..].Split('.', '[')[0];
        if (node is not JsonObject obj) return; // the parent's own type is checked at the parent
        if (!obj.TryGetPropertyValue(name, out var child))
        {
            // Report the missing field once, at its own path, not once per field below it.
            if (rest.IndexOfAny(['.', '['], 1) < 0)
                problems.Add(new($"{at}.{name}", $"missing: AWS sends it ({string.Join(" or ", types)}; recorded: {shape.Sources[0]})"));
            return;
        }
        Check(child, rest[(1 + name.Length)..], $"{at}.{name}", types, shape, problems);
    }

    private static string? RecordShape(JsonObject? record) => record?["eventSource"]?.ToString() switch
    {
        "aws:sqs" => record["attributes"] switch
        {
            { } attributes when attributes["MessageGroupId"] is not null => "sqs-fifo-record",
            { } attributes when attributes["AWSTraceHeader"] is not null => "sqs-record-traced",
            { } attributes when attributes["DeadLetterQueueSourceArn"] is not null => "sqs-record-redriven",
            _ => "sqs-record",
        },
        "aws:kinesis" => "kinesis-record",
        "aws:dynamodb" => record["userIdentity"] is not null ? "dynamodb-record-REMOVE-ttl"
            : Specific($"dynamodb-record-{record["eventName"]}-{record["dynamodb"]?["StreamViewType"]}", "dynamodb-record"),
        "aws:s3" => S3RecordShape(record["eventName"]?.ToString(), record["eventVersion"]?.ToString()),
        _ => null,
    };

    private static string? EventShape(JsonObject obj)
    {
        if (obj["detail-type"]?.ToString() == "Scheduled Event") return "scheduled";
        if (obj.ContainsKey("routeKey") && obj.ContainsKey("rawPath"))
            return obj["requestContext"]?["authorizer"] is JsonObject v2 ? Specific($"http-v2-authorizer-{v2.Select(p => p.Key).FirstOrDefault()}", "http-v2") : "http-v2";
        if (obj.ContainsKey("httpMethod") && obj.ContainsKey("resource"))
        {
            var http = obj["version"]?.ToString() == "1.0";
            return obj["requestContext"]?["authorizer"] is JsonObject v1
                ? http ? "http-v1-authorizer-jwt" : v1.ContainsKey("claims") ? "rest-authorizer-cognito" : "rest-authorizer-lambda"
                : http ? "http-v1" : "rest";
        }
        var toS3 = obj.ContainsKey("payload") ? "-s3" : "";
        if (obj.ContainsKey("KinesisBatchInfo")) return $"kinesis-failure-record{toS3}";
        if (obj.ContainsKey("DDBStreamBatchInfo")) return $"dynamodb-failure-record{toS3}";
        if (obj["requestContext"]?["condition"] is { } condition) return $"destination-{condition}";
        if (obj.ContainsKey("Body") && obj.ContainsKey("MessageAttributes")) return "dead-letter";
        if (obj.ContainsKey("errorType") && obj.ContainsKey("errorMessage"))
            return obj.ContainsKey("stackTrace") ? "invoke-error-python" : obj.ContainsKey("trace") ? "invoke-error-nodejs" : null;
        return null;
    }

    /// <summary>
    /// The recorded shape of an S3 event at its version: of the event itself where it has one (<c>ObjectRestore:Completed</c>),
    /// else of its type (<c>ObjectRestore</c>). At a version with no recording (the unified 2.4 and later, which keep each
    /// type's fields), the recorded shape at any version.
    /// </summary>
    private static string S3RecordShape(string? eventName, string? version)
    {
        foreach (var name in new[] { eventName?.Replace(':', '-'), eventName?.Split(':')[0] })
        {
            if (name is null) continue;
            var prefix = $"s3-record-{name}-";
            if (Loaded.Value.ContainsKey(prefix + version)) return prefix + version;
            var anyVersion = Loaded.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && IsVersion(k[prefix.Length..])).Order(StringComparer.Ordinal).LastOrDefault();
            if (anyVersion is not null) return anyVersion;
        }
        return "s3-record";
    }

    private static bool IsVersion(string text) => text.Split('.') is [var major, var minor] && major.All(char.IsAsciiDigit) && minor.All(char.IsAsciiDigit) && major.Length > 0 && minor.Length > 0;

    private static string Specific(string name, string fallback) => Loaded.Value.ContainsKey(name) ? name : fallback;

    private static string TypeOf(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static IReadOnlyDictionary<string, RecordedShape> Load()
    {
        var assembly = typeof(RecordedShapes).Assembly;
        var shapes = new Dictionary<string, RecordedShape>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Recorded.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var document = JsonNode.Parse(stream)!;
            var name = document["shape"]!.ToString();
            var sources = document["sources"]!.AsArray().Select(Describe).ToList();
            var fields = document["fields"]!.AsObject().ToDictionary(f => f.Key, f => (IReadOnlySet<string>)f.Value!.ToString().Split('|').ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            shapes[name] = new RecordedShape(name, sources, fields) { Fallback = document["fallback"]?.GetValue<bool>() == true };
        }
        return shapes;
    }

    private static string Describe(JsonNode? source) => source?["documentation"] is { } url
        ? $"{url} ({source["section"]}; retrieved {source["retrieved"]})"
        : $"{source?["repository"]} at {source?["commit"]}, {source?["file"]}, {source?["test"]}, {source?["recorded"]}";
}
