using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Events.Evidence;

/// <summary>One invocation on a timeline: seconds since the first, its request id, outcome, event and response.</summary>
public sealed record TimelineEntry(double Seconds, string RequestId, string Outcome, string Event, string? Response = null);

/// <summary>
/// The invocation timeline a scenario attaches to the message stream as evidence, and the report
/// reads and draws: one format, written and read here only.
/// </summary>
public sealed record InvocationTimeline(string Function, IReadOnlyList<TimelineEntry> Invocations)
{
    /// <summary>The attachment's media type.</summary>
    public const string MediaType = "application/vnd.lambda-conformance.timeline+json";

    public string ToJson() => new JsonObject
    {
        ["function"] = Function,
        ["invocations"] = new JsonArray(Invocations.Select(i => (JsonNode)new JsonObject
        {
            ["seconds"] = i.Seconds,
            ["requestId"] = i.RequestId,
            ["outcome"] = i.Outcome,
            ["event"] = i.Event,
            ["response"] = i.Response,
        }).ToArray()),
    }.ToJsonString();

    /// <summary>The timeline in an attachment's body, or null when the body is not one.</summary>
    public static InvocationTimeline? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root) return null;
            var entries = (root["invocations"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(i => new TimelineEntry(i["seconds"]?.GetValue<double>() ?? 0, Text(i["requestId"]), Text(i["outcome"]), Text(i["event"]), i["response"]?.GetValue<string>()))
                .ToList();
            return new InvocationTimeline(Text(root["function"]), entries);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
