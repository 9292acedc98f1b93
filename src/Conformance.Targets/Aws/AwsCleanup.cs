using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// <c>conformance cleanup --run-id ID</c>: removes what a run left behind (after a kill -9 or a lost
/// connection): every function, queue, stream, table and bucket whose name starts with the run's prefix.
/// </summary>
public static class AwsCleanup
{
    public static async Task<IReadOnlyList<string>> RemoveAsync(AwsSettings settings, CancellationToken cancellation)
    {
        var removed = new List<string>();
        await using var run = AwsRun.Connect(settings);
        string? marker = null;
        do
        {
            var (names, next) = await run.Lambda.ListFunctionsAsync(marker, cancellation);
            foreach (var name in names.Where(n => n.StartsWith(settings.Prefix, StringComparison.Ordinal)))
            {
                await run.Lambda.DeleteFunctionAsync(name, cancellation);
                removed.Add($"function {name}");
            }
            marker = next;
        }
        while (marker is not null);

        var queues = await run.Sqs.ListQueuesAsync(settings.Prefix, cancellation);
        foreach (var url in queues.QueueUrls ?? [])
        {
            await AwsCall.Run(() => run.Sqs.DeleteQueueAsync(url, cancellation));
            removed.Add($"queue {url}");
        }

        var (listed, streams) = await run.Kinesis.CallAsync("ListStreams", new System.Text.Json.Nodes.JsonObject(), cancellation);
        foreach (var stream in listed.Succeeded ? streams?["StreamNames"]?.AsArray().Select(s => s?.ToString() ?? "") ?? [] : [])
            if (stream.StartsWith(settings.Prefix, StringComparison.Ordinal))
            {
                await run.Kinesis.DeleteStreamAsync(stream, cancellation);
                removed.Add($"stream {stream}");
            }

        var tables = await run.DynamoDb.ListTablesAsync(cancellation);
        foreach (var table in (tables.TableNames ?? []).Where(t => t.StartsWith(settings.Prefix, StringComparison.Ordinal)))
        {
            await AwsCall.Run(() => run.DynamoDb.DeleteTableAsync(table, cancellation));
            removed.Add($"table {table}");
        }

        var buckets = await run.S3.ListBucketsAsync(cancellation);
        foreach (var bucket in (buckets.Buckets ?? []).Select(b => b.BucketName).Where(b => b.StartsWith(settings.Prefix, StringComparison.Ordinal)))
        {
            await AwsTarget.EmptyAndDeleteBucketAsync(run.S3, bucket);
            removed.Add($"bucket {bucket}");
        }
        return removed;
    }
}
