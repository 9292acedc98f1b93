using System.Text.Json.Nodes;
using Conformance.Events;

namespace Conformance.Engine.Pull.Filtering;

/// <summary>
/// The filters of an event source mapping (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html): up to 5 patterns, OR-ed. A record is matched as Lambda
/// sees it, with its data key (SQS <c>body</c>, Kinesis <c>data</c>) parsed as JSON when it is JSON.
/// For SQS the body format must agree with the pattern (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html table): a plain body against a pattern on
/// body fields, or a JSON body against a plain-string body pattern, is dropped.
/// </summary>
public sealed class FilterCriteria(IReadOnlyList<EventPattern> patterns)
{
    public const int MaximumFilters = 5;

    public static FilterCriteria None { get; } = new([]);

    public bool IsEmpty => patterns.Count == 0;

    public bool Matches(JsonObject record, string dataKey, string? rawData)
    {
        if (patterns.Count == 0) return true;
        var view = (JsonObject)record.DeepClone();
        var parsed = EventJson.ParseOrNull(rawData);
        if (rawData is not null) view[dataKey] = parsed is JsonObject or JsonArray ? parsed : JsonValue.Create(rawData);
        return patterns.Any(p => p.Matches(view));
    }
}
