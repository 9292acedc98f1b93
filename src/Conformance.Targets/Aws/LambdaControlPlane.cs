using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Http;

namespace Conformance.Targets.Aws;

/// <summary>The Lambda control-plane requests of the AWS target, as AWS's REST paths and JSON bodies.</summary>
public sealed class LambdaControlPlane(LambdaApi api)
{
    public LambdaApi Api => api;

    private static string Function(string name) => $"/2015-03-31/functions/{Uri.EscapeDataString(name)}";

    public Task<(ApiResult Result, JsonObject? Body)> CreateFunctionAsync(string name, string roleArn, FunctionPackage package, TimeSpan timeout,
        IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> tags, string? deadLetterArn, CancellationToken cancellation)
    {
        var body = new JsonObject
        {
            ["FunctionName"] = name,
            ["Runtime"] = package.Runtime,
            ["Handler"] = package.Handler,
            ["Role"] = roleArn,
            ["Timeout"] = (int)Math.Ceiling(timeout.TotalSeconds),
            ["MemorySize"] = package.MemorySize,
            ["Code"] = new JsonObject { ["ZipFile"] = Convert.ToBase64String(package.Zip) },
            ["Environment"] = new JsonObject { ["Variables"] = ToJson(environment) },
            ["Tags"] = ToJson(tags),
        };
        if (deadLetterArn is not null) body["DeadLetterConfig"] = new JsonObject { ["TargetArn"] = deadLetterArn };
        return api.CallAsync(HttpMethod.Post, "/2015-03-31/functions", body, cancellation);
    }

    public Task<(ApiResult Result, JsonObject? Body)> GetFunctionAsync(string name, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Get, Function(name), null, cancellation);

    /// <summary>Waits until the function's state is Active and its last update finished (Lambda refuses invokes and updates before).</summary>
    public async Task<ApiResult> WaitUntilReadyAsync(string name, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var (result, body) = await GetFunctionAsync(name, cancellation);
            if (!result.Succeeded) return result;
            var configuration = body?["Configuration"];
            var state = configuration?["State"]?.ToString();
            var update = configuration?["LastUpdateStatus"]?.ToString();
            if (state is null or "Active" && update is null or "Successful") return ApiResult.Ok;
            if (state == "Failed" || update == "Failed") return new ApiResult(500, "FunctionFailed", configuration?["StateReason"]?.ToString());
            await Task.Delay(500, cancellation);
        }
        return new ApiResult(504, "Timeout", $"the function {name} did not become Active");
    }

    public Task<(ApiResult Result, JsonObject? Body)> UpdateConfigurationAsync(string name, TimeSpan timeout, IReadOnlyDictionary<string, string> environment,
        string? deadLetterArn, CancellationToken cancellation)
    {
        var body = new JsonObject
        {
            ["Timeout"] = (int)Math.Ceiling(timeout.TotalSeconds),
            ["Environment"] = new JsonObject { ["Variables"] = ToJson(environment) },
        };
        if (deadLetterArn is not null) body["DeadLetterConfig"] = new JsonObject { ["TargetArn"] = deadLetterArn };
        return api.CallAsync(HttpMethod.Put, Function(name) + "/configuration", body, cancellation);
    }

    public Task<(ApiResult Result, JsonObject? Body)> PublishVersionAsync(string name, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Post, Function(name) + "/versions", new JsonObject(), cancellation);

    public Task<(ApiResult Result, JsonObject? Body)> CreateAliasAsync(string name, string alias, string version, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Post, Function(name) + "/aliases", new JsonObject { ["Name"] = alias, ["FunctionVersion"] = version }, cancellation);

    public Task<(ApiResult Result, JsonObject? Body)> AddPermissionAsync(string name, PermissionStatement statement, CancellationToken cancellation)
    {
        var body = new JsonObject { ["StatementId"] = statement.StatementId, ["Action"] = statement.Action, ["Principal"] = statement.Principal };
        if (statement.SourceArn is not null) body["SourceArn"] = statement.SourceArn;
        var path = Function(name) + "/policy" + (statement.Qualifier is { } q ? $"?Qualifier={Uri.EscapeDataString(q)}" : "");
        return api.CallAsync(HttpMethod.Post, path, body, cancellation);
    }

    public Task<(ApiResult Result, JsonObject? Body)> PutConcurrencyAsync(string name, int reserved, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Put, $"/2017-10-31/functions/{Uri.EscapeDataString(name)}/concurrency",
            new JsonObject { ["ReservedConcurrentExecutions"] = reserved }, cancellation);

    public Task<(ApiResult Result, JsonObject? Body)> PutEventInvokeConfigAsync(string name, EventInvokeConfig config, CancellationToken cancellation)
    {
        var body = new JsonObject();
        if (config.MaximumRetryAttempts is { } retries) body["MaximumRetryAttempts"] = retries;
        if (config.MaximumEventAgeInSeconds is { } age) body["MaximumEventAgeInSeconds"] = age;
        var destinations = new JsonObject();
        if (config.OnSuccessDestination is { } success) destinations["OnSuccess"] = new JsonObject { ["Destination"] = success };
        if (config.OnFailureDestination is { } failure) destinations["OnFailure"] = new JsonObject { ["Destination"] = failure };
        if (destinations.Count > 0) body["DestinationConfig"] = destinations;
        var path = $"/2019-09-25/functions/{Uri.EscapeDataString(name)}/event-invoke-config" + (config.Qualifier is { } q ? $"?Qualifier={Uri.EscapeDataString(q)}" : "");
        return api.CallAsync(HttpMethod.Put, path, body, cancellation);
    }

    public Task<(ApiResult Result, JsonObject? Body)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, string functionName, CancellationToken cancellation)
    {
        var body = new JsonObject { ["EventSourceArn"] = mapping.EventSourceArn, ["FunctionName"] = functionName, ["Enabled"] = mapping.Enabled };
        Set(body, "BatchSize", mapping.BatchSize);
        Set(body, "MaximumBatchingWindowInSeconds", mapping.MaximumBatchingWindowInSeconds);
        if (mapping.StartingPosition is { } position) body["StartingPosition"] = position;
        if (mapping.StartingPositionTimestamp is { } timestamp) body["StartingPositionTimestamp"] = timestamp.ToUnixTimeSeconds();
        Set(body, "ParallelizationFactor", mapping.ParallelizationFactor);
        Set(body, "MaximumRetryAttempts", mapping.MaximumRetryAttempts);
        Set(body, "MaximumRecordAgeInSeconds", mapping.MaximumRecordAgeInSeconds);
        if (mapping.BisectBatchOnFunctionError is { } bisect) body["BisectBatchOnFunctionError"] = bisect;
        Set(body, "TumblingWindowInSeconds", mapping.TumblingWindowInSeconds);
        if (mapping.FunctionResponseTypes.Count > 0) body["FunctionResponseTypes"] = new JsonArray([.. mapping.FunctionResponseTypes.Select(t => (JsonNode)t)]);
        if (mapping.FilterPatterns.Count > 0)
            body["FilterCriteria"] = new JsonObject { ["Filters"] = new JsonArray([.. mapping.FilterPatterns.Select(p => (JsonNode)new JsonObject { ["Pattern"] = p })]) };
        if (mapping.OnFailureDestination is { } destination)
            body["DestinationConfig"] = new JsonObject { ["OnFailure"] = new JsonObject { ["Destination"] = destination } };
        if (mapping.MaximumConcurrency is { } concurrency) body["ScalingConfig"] = new JsonObject { ["MaximumConcurrency"] = concurrency };
        return api.CallAsync(HttpMethod.Post, "/2015-03-31/event-source-mappings/", body, cancellation);
    }

    public Task<(ApiResult Result, JsonObject? Body)> UpdateEventSourceMappingAsync(string uuid, bool enabled, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Put, $"/2015-03-31/event-source-mappings/{Uri.EscapeDataString(uuid)}", new JsonObject { ["Enabled"] = enabled }, cancellation);

    public Task<(ApiResult Result, JsonObject? Body)> DeleteEventSourceMappingAsync(string uuid, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Delete, $"/2015-03-31/event-source-mappings/{Uri.EscapeDataString(uuid)}", null, cancellation);

    public Task<(ApiResult Result, JsonObject? Body)> DeleteFunctionAsync(string name, CancellationToken cancellation) =>
        api.CallAsync(HttpMethod.Delete, Function(name), null, cancellation);

    /// <summary>One page of <c>ListFunctions</c>; the marker of the next page, if any.</summary>
    public async Task<(IReadOnlyList<string> Names, string? NextMarker)> ListFunctionsAsync(string? marker, CancellationToken cancellation)
    {
        var (result, body) = await api.CallAsync(HttpMethod.Get, "/2015-03-31/functions/" + (marker is null ? "" : $"?Marker={Uri.EscapeDataString(marker)}"), null, cancellation);
        if (!result.Succeeded) throw new TargetUnavailableException($"ListFunctions failed: {result}");
        var names = body?["Functions"]?.AsArray().Select(f => f?["FunctionName"]?.ToString() ?? "").ToList() ?? [];
        return (names, body?["NextMarker"]?.ToString());
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> values) => new([.. values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]);

    private static void Set(JsonObject body, string name, int? value)
    {
        if (value is { } number) body[name] = number;
    }
}
