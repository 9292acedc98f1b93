using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// <c>conformance cleanup --run-id ID</c>: removes what a run left behind (after a kill -9 or a lost
/// connection): every API, schedule rule, event bus, topic, function, queue, stream, table and bucket
/// whose name starts with the run's prefix.
/// </summary>
public static class AwsCleanup
{
    /// <summary>What was removed, and what could not be (with the service's answer).</summary>
    public sealed record Result(IReadOnlyList<string> Removed, IReadOnlyList<string> Failed);

    public static async Task<Result> RemoveAsync(AwsSettings settings, CancellationToken cancellation)
    {
        var removed = new List<string>();
        var failed = new List<string>();
        void Record(string what, Conformance.Core.Invocation.ApiResult result)
        {
            if (result.Succeeded) removed.Add(what);
            else failed.Add($"{what}: {result}");
        }
        await using var run = AwsRun.Connect(settings);
        var (listedApis, apiIds) = await run.ApiGateway.ListApisAsync(settings.Prefix, cancellation);
        if (!listedApis.Succeeded) failed.Add($"APIs: {listedApis}");
        foreach (var (id, http) in apiIds)
            Record($"API {id}", http ? await run.ApiGateway.DeleteHttpApiAsync(id, cancellation) : await run.ApiGateway.DeleteRestApiWhenAllowedAsync(id, cancellation));
        var (listedTopics, topicArns) = await run.Sns.ListTopicArnsAsync(settings.Prefix, cancellation);
        if (!listedTopics.Succeeded) failed.Add($"topics: {listedTopics}");
        foreach (var topic in topicArns) Record($"topic {topic}", await run.Sns.DeleteTopicAsync(topic, cancellation));
        var (listedRules, ruleNames) = await run.Events.ListRuleNamesAsync(settings.Prefix, cancellation);
        if (!listedRules.Succeeded) failed.Add($"schedule rules: {listedRules}");
        foreach (var rule in ruleNames) Record($"rule {rule}", await run.Events.DeleteRuleAsync(rule, cancellation));
        var (listedBuses, busNames) = await run.Events.ListEventBusNamesAsync(settings.Prefix, cancellation);
        if (!listedBuses.Succeeded) failed.Add($"event buses: {listedBuses}");
        foreach (var bus in busNames) Record($"event bus {bus}", await run.Events.DeleteEventBusAsync(bus, cancellation));

        string? marker = null;
        do
        {
            var (names, next) = await run.Lambda.ListFunctionsAsync(marker, cancellation);
            foreach (var name in names.Where(n => n.StartsWith(settings.Prefix, StringComparison.Ordinal)))
            {
                Record($"function {name}", (await run.Lambda.DeleteFunctionAsync(name, cancellation)).Result);
            }
            marker = next;
        }
        while (marker is not null);

        var queues = await run.Sqs.ListQueuesAsync(settings.Prefix, cancellation);
        foreach (var url in queues.QueueUrls ?? [])
        {
            Record($"queue {url}", await AwsCall.Run(() => run.Sqs.DeleteQueueAsync(url, cancellation)));
        }

        var (listed, streams) = await run.Kinesis.CallAsync("ListStreams", new System.Text.Json.Nodes.JsonObject(), cancellation);
        foreach (var stream in listed.Succeeded ? streams?["StreamNames"]?.AsArray().Select(s => s?.ToString() ?? "") ?? [] : [])
            if (stream.StartsWith(settings.Prefix, StringComparison.Ordinal))
            {
                Record($"stream {stream}", await run.Kinesis.DeleteStreamAsync(stream, cancellation));
            }

        var tables = await run.DynamoDb.ListTablesAsync(cancellation);
        foreach (var table in (tables.TableNames ?? []).Where(t => t.StartsWith(settings.Prefix, StringComparison.Ordinal)))
        {
            Record($"table {table}", await AwsCall.Run(() => run.DynamoDb.DeleteTableAsync(table, cancellation)));
        }

        var buckets = await run.S3.ListBucketsAsync(cancellation);
        foreach (var bucket in (buckets.Buckets ?? []).Select(b => b.BucketName).Where(b => b.StartsWith(settings.Prefix, StringComparison.Ordinal)))
        {
            Record($"bucket {bucket}", await new S3Buckets(run.S3).EmptyAndDeleteAsync(bucket));
        }
        return new Result(removed, failed);
    }
}
