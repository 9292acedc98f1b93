using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Http;

namespace Conformance.Targets.Emulator;

/// <summary>The event sources of a scenario on the emulator stack.</summary>
public sealed partial class EmulatorTarget
{
    private readonly List<string> queues = [];
    private readonly List<string> streams = [];
    private readonly List<string> tables = [];

    // ---- API Gateway: serverless-offline's http (REST) and httpApi (HTTP API) events ----

    public async Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default)
    {
        if (!service.Functions.ContainsKey(api.FunctionName)) return ApiResult.NotFound($"Function not found: {api.FunctionName}");
        var (method, path) = api.RouteKey == "$default" ? ("*", "") : (api.RouteKey.Split(' ')[0], api.RouteKey.Split(' ', 2)[^1]);
        JsonObject @event;
        if (api.Kind == ApiKind.Http)
        {
            // serverless's httpApi event is always a proxy integration, invoked synchronously: it has no setting to ask otherwise.
            if (!api.Proxy || api.AsyncInvocation)
                throw Lacks("HTTP API integration settings (serverless's httpApi event has no integration type and no asynchronous invocation)");
            service.HttpApiPayloadVersion = api.PayloadFormatVersion;
            @event = new JsonObject { ["httpApi"] = api.RouteKey == "$default" ? "*" : new JsonObject { ["method"] = method, ["path"] = path } };
        }
        else
        {
            var http = new JsonObject { ["method"] = method.ToLowerInvariant(), ["path"] = path.TrimStart('/'), ["integration"] = api.Proxy ? "lambda-proxy" : "lambda" };
            if (api.AsyncInvocation) http["async"] = true;
            @event = new JsonObject { ["http"] = http };
        }
        lock (gate) apis[api.Name] = api;
        return await ApplyEventAsync(api.FunctionName, @event, cancellation);
    }

    public Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default) =>
        Task.FromResult<string?>(apis.ContainsKey(apiName) ? $"arn:aws:execute-api:{EmulatorStack.Region}:{EmulatorStack.AccountId}:{service.Name}-{apiName}/*" : null);

    public async Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default)
    {
        var ports = await EnsureStartedAsync(cancellation);
        var api = apis.GetValueOrDefault(apiName) ?? throw new InvalidOperationException($"The scenario created no API named {apiName}.");
        var stagePrefix = api.Kind == ApiKind.Rest ? "/" + ServerlessService.Stage : "";
        var uri = new Uri($"http://127.0.0.1:{ports.Http}{stagePrefix}{request.Path}{(request.QueryString.Length > 0 ? "?" + request.QueryString : "")}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stack.Stopping);
        deadline.CancelAfter(RequestTimeout);
        return await PlainHttpClient.SendAsync(uri, request, deadline.Token);
    }

    // ---- Schedules: serverless-offline's schedule events ----

    public async Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default)
    {
        if (!service.Functions.ContainsKey(rule.FunctionName)) return ApiResult.NotFound($"Function not found: {rule.FunctionName}");
        return await ApplyEventAsync(rule.FunctionName, new JsonObject { ["schedule"] = rule.ScheduleExpression }, cancellation);
    }

    // ---- SQS: local-aws-sqs, polled by serverless-offline-sqs ----

    public async Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default)
    {
        var result = await stack.Queues.CreateAsync(Physical(queue.Name), queue, queue.DeadLetterQueueName is { } dlq ? Physical(dlq) : null, service.Name, cancellation);
        if (result.Succeeded) queues.Add(Physical(queue.Name));
        return (result, result.Succeeded ? stack.QueueArn(Physical(queue.Name)) : null);
    }

    public async Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Queues.SendAsync(Physical(queueName), message, cancellation);
    }

    public async Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Queues.SendBatchAsync(Physical(queueName), messages, cancellation);
    }

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => stack.Queues.StateAsync(Physical(queueName), cancellation);

    public async Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) =>
        [.. (await stack.Queues.PeekAsync(Physical(queueName), cancellation)).Select(m => m.Body)];

    // ---- Kinesis (kinesalite) and DynamoDB Streams (DynamoDB Local), each polled by its serverless-offline plugin ----

    public async Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default)
    {
        var (result, arn) = await stack.Kinesis.CreateStreamAsync(Physical(streamName), shards, cancellation);
        if (result.Succeeded) streams.Add(Physical(streamName));
        return (result, arn);
    }

    public async Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Kinesis.PutRecordAsync(Physical(streamName), partitionKey, data, cancellation);
    }

    public async Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Kinesis.PutRecordsAsync(Physical(streamName), records, cancellation);
    }

    public async Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default)
    {
        var (result, streamArn) = await stack.Tables.CreateAsync(Physical(table.Name), table, service.Name, cancellation);
        if (result.Succeeded) tables.Add(Physical(table.Name));
        return (result, streamArn);
    }

    public async Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Tables.PutAsync(Physical(tableName), itemJson, cancellation);
    }

    public async Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation);
        return await stack.Tables.DeleteItemAsync(Physical(tableName), keyJson, cancellation);
    }

    // ---- Event source mappings: events of the function in serverless.json ----

    public async Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default)
    {
        if (!service.Functions.ContainsKey(mapping.FunctionName)) return (ApiResult.NotFound($"Function not found: {mapping.FunctionName}"), null);
        var @event = MappingEvents.ToServerlessEvent(mapping);
        var applied = await ApplyEventAsync(mapping.FunctionName, @event, cancellation);
        if (!applied.Succeeded) return (applied, null);
        var uuid = Guid.NewGuid().ToString();
        lock (gate) mappings[uuid] = @event;
        return (applied, uuid);
    }

    /// <summary>
    /// Adds an event to a function and restarts the emulator with it at once: the emulator's control plane
    /// is its configuration, so a setting it refuses shows as a failed start, answered here in the
    /// emulator's own words with no status or error type (and the event taken out again).
    /// </summary>
    private Task<ApiResult> ApplyEventAsync(string function, JsonObject @event, CancellationToken cancellation) =>
        ApplyAsync(() => service.AddEvent(function, @event), () => service.Events[function].Remove(@event), cancellation);

    public Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default)
    {
        lock (gate)
        {
            if (!mappings.TryGetValue(uuid, out var mapping)) return Task.FromResult(ApiResult.NotFound($"The resource you requested does not exist. (Service: Lambda; UUID: {uuid})"));
            ((JsonObject)mapping.First().Value!)["enabled"] = enabled;
            configurationVersion++;
        }
        return Task.FromResult(ApiResult.Ok);
    }

    // ---- Housekeeping ----

    /// <summary>Removes the scenario's queues, streams, tables and buckets from the shared servers.</summary>
    private async Task DeleteResourcesAsync()
    {
        foreach (var queue in queues) await stack.Queues.DeleteAsync(queue);
        foreach (var stream in streams) await stack.Kinesis.DeleteStreamAsync(stream, CancellationToken.None);
        foreach (var table in tables) await stack.Tables.DeleteAsync(table);
    }
}
