using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Pull.Batches;

/// <summary>
/// Reads a partial batch response (<c>ReportBatchItemFailures</c>), for SQS and streams alike
/// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html). The batch
/// succeeded for an empty or null response, an empty or null <c>batchItemFailures</c> list, or a
/// response without that key; it failed whole for a response that is not JSON or not an object, and for
/// an item with no <c>itemIdentifier</c>, an empty or null one, or one that is not in the batch.
/// </summary>
internal static class BatchItemFailures
{
    /// <summary>
    /// The identifiers (message ids, sequence numbers) reported as failed: empty when the batch
    /// succeeded, null when the response fails the whole batch.
    /// </summary>
    /// <param name="payload">The function's response.</param>
    /// <param name="batch">The identifiers of the batch's items.</param>
    /// <param name="settings">For the response <c>""</c>, which AWS's lists do not name (<see cref="EngineSettings.EmptyStringResponseSucceeds"/>).</param>
    public static IReadOnlyList<string>? Read(string? payload, IReadOnlySet<string> batch, EngineSettings settings)
    {
        if (string.IsNullOrWhiteSpace(payload)) return [];
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
        if (node is null) return [];
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0) return settings.EmptyStringResponseSucceeds ? [] : null;
        if (node is not JsonObject obj) return null;
        if (!obj.TryGetPropertyValue("batchItemFailures", out var list) || list is null) return [];
        if (list is not JsonArray items) return null;
        var failed = new List<string>();
        foreach (var item in items)
        {
            if (item is not JsonObject failure || failure["itemIdentifier"] is not JsonValue id || !id.TryGetValue<string>(out var identifier)
                || string.IsNullOrEmpty(identifier) || !batch.Contains(identifier))
                return null;
            failed.Add(identifier);
        }
        return failed;
    }
}
