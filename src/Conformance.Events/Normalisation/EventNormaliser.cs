using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Events.Normalisation;

/// <summary>
/// Makes events from different targets comparable: request and message ids, receipt handles, ARNs'
/// account and region, and timestamps become numbered placeholders such as <c>&lt;uuid-1&gt;</c>. Identity
/// is kept: the same value always becomes the same placeholder within one normaliser, so "every
/// attempt carried the same request id" survives normalisation.
/// </summary>
public sealed partial class EventNormaliser
{
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:")]
    private static partial Regex ArnHead();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?|\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}")]
    private static partial Regex Timestamp();

    private static readonly Dictionary<string, string> CategoryOfKey = new(StringComparer.Ordinal)
    {
        ["receiptHandle"] = "receipt-handle",
        ["x-amz-request-id"] = "s3-request-id",
        ["x-amz-id-2"] = "s3-host-id",
        ["sequencer"] = "sequencer",
        ["eventID"] = "event-id",
        ["SenderId"] = "principal",
        ["principalId"] = "principal",
        ["accountId"] = "account",
        ["account"] = "account",
        ["awsRegion"] = "region",
        ["region"] = "region",
        ["SentTimestamp"] = "time",
        ["ApproximateFirstReceiveTimestamp"] = "time",
        ["approximateArrivalTimestamp"] = "time",
        ["ApproximateCreationDateTime"] = "time",
        ["requestTimeEpoch"] = "time",
        ["timeEpoch"] = "time",
        ["md5OfBody"] = "md5",
        ["md5OfMessageAttributes"] = "md5",
        ["SequenceNumber"] = "sequence-number",
        ["sequenceNumber"] = "sequence-number",
    };

    private readonly Dictionary<string, Dictionary<string, string>> placeholders = [];

    public string Normalise(string json) => Normalise(JsonNode.Parse(json))?.ToJsonString(EventJson.Options) ?? "null";

    /// <summary>A normalised copy of <paramref name="node"/>.</summary>
    public JsonNode? Normalise(JsonNode? node) => Visit(node?.DeepClone(), null);

    private JsonNode? Visit(JsonNode? node, string? key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                    if (Replacement(obj[name], name) is { } replaced) obj[name] = replaced;
                    else Visit(obj[name], name);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Replacement(array[i], key) is { } replaced) array[i] = replaced;
                    else Visit(array[i], key);
                return array;
            default:
                return Replacement(node, key) ?? node;
        }
    }

    /// <summary>The placeholder value for a leaf, or null when it stays (or is not a leaf).</summary>
    private JsonNode? Replacement(JsonNode? node, string? key)
    {
        if (node is not JsonValue value) return null;
        var isText = value.TryGetValue<string>(out var s);
        var text = isText ? s! : value.ToJsonString();
        if (key is not null && CategoryOfKey.TryGetValue(key, out var category) && text.Length > 0 && !text.StartsWith('<'))
            return JsonValue.Create(Placeholder(category, text));
        if (!isText) return null;
        var normalised = NormaliseText(text);
        return normalised == text ? null : JsonValue.Create(normalised);
    }

    private string NormaliseText(string text)
    {
        text = ArnHead().Replace(text, m =>
            $"arn:{m.Groups[1].Value}:{m.Groups[2].Value}:{(m.Groups[3].Value.Length == 0 ? "" : Placeholder("region", m.Groups[3].Value))}:" +
            $"{(m.Groups[4].Success ? Placeholder("account", m.Groups[4].Value) : "")}:");
        text = Uuid().Replace(text, m => Placeholder("uuid", m.Value.ToLowerInvariant()));
        return Timestamp().Replace(text, m => Placeholder("time", m.Value));
    }

    private string Placeholder(string category, string value)
    {
        if (!placeholders.TryGetValue(category, out var known)) placeholders[category] = known = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!known.TryGetValue(value, out var placeholder)) known[value] = placeholder = $"<{category}-{known.Count + 1}>";
        return placeholder;
    }
}
