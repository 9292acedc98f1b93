using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>The Kinesis Data Streams API (JSON 1.1 protocol, <c>X-Amz-Target: Kinesis_20131202.*</c>) over a signed HTTP client.</summary>
public sealed class KinesisApi(HttpClient http)
{
    private readonly AwsJsonProtocol protocol = new(http, "Kinesis_20131202");

    public Task<(ApiResult Result, JsonObject? Body)> CallAsync(string operation, JsonObject request, CancellationToken cancellation) =>
        protocol.CallAsync(operation, request, cancellation);

    /// <summary>
    /// How many shard iterators each stream has handed out, from the emulator stack's kinesalite
    /// (<c>emulator/backends.cjs</c> counts them; no AWS API tells this).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> ShardIteratorsHandedOutAsync(CancellationToken cancellation)
    {
        var body = await http.GetStringAsync("/__conformance/iterators", cancellation);
        return (JsonNode.Parse(body) as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<int>(), StringComparer.Ordinal);
    }

    /// <summary>Creates a stream and waits until it is <c>ACTIVE</c>; returns its ARN.</summary>
    public async Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string name, int shards, CancellationToken cancellation)
    {
        var (created, _) = await CallAsync("CreateStream", new JsonObject { ["StreamName"] = name, ["ShardCount"] = shards }, cancellation);
        if (!created.Succeeded) return (created, null);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var (described, body) = await CallAsync("DescribeStreamSummary", new JsonObject { ["StreamName"] = name }, cancellation);
            if (!described.Succeeded) return (described, null);
            var summary = body?["StreamDescriptionSummary"];
            if (summary?["StreamStatus"]?.ToString() == "ACTIVE") return (ApiResult.Ok, summary["StreamARN"]?.ToString());
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }
        return (new ApiResult(504, "Timeout", $"the stream {name} did not become ACTIVE"), null);
    }

    public async Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string stream, string partitionKey, string data, CancellationToken cancellation)
    {
        var (result, body) = await CallAsync("PutRecord", new JsonObject
        {
            ["StreamName"] = stream, ["PartitionKey"] = partitionKey, ["Data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(data)),
        }, cancellation);
        return (result, body?["SequenceNumber"]?.ToString());
    }

    public async Task<ApiResult> PutRecordsAsync(string stream, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation)
    {
        var entries = new JsonArray(records.Select(r => (JsonNode)new JsonObject
        {
            ["PartitionKey"] = r.PartitionKey, ["Data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(r.Data)),
        }).ToArray());
        var (result, body) = await CallAsync("PutRecords", new JsonObject { ["StreamName"] = stream, ["Records"] = entries }, cancellation);
        if (result.Succeeded && body?["FailedRecordCount"]?.GetValue<int>() is > 0 and var failed)
            return new ApiResult(500, "PutRecordsFailed", $"{failed} of {records.Count} records were not written");
        return result;
    }

    public async Task<ApiResult> DeleteStreamAsync(string name, CancellationToken cancellation) =>
        (await CallAsync("DeleteStream", new JsonObject { ["StreamName"] = name, ["EnforceConsumerDeletion"] = true }, cancellation)).Result;
}
