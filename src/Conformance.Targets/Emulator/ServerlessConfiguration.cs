using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Resources;
using Conformance.Targets.Http;

namespace Conformance.Targets.Emulator;

/// <summary>
/// The emulator's control plane beyond creating functions: what a scenario sets becomes part of
/// <c>serverless.json</c> (function settings, and the functions' events: API routes, schedules, queue
/// and stream mappings), applied by restarting the emulator at once so that serverless checks it now
/// and a refusal comes back in its own words.
/// </summary>
internal sealed class ServerlessConfiguration(ServerlessSession session, ServerlessFlavour flavour)
{
    private readonly Dictionary<string, JsonObject> mappings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiSpec> apis = new(StringComparer.Ordinal);

    private ServerlessService Service => session.Service;

    // ---- Function settings ----

    /// <summary>Written as serverless.yml's <c>reservedConcurrency</c>: serverless decides whether it accepts it, and scenarios show whether the emulator keeps to it.</summary>
    public Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation) =>
        SetFunctionSettingsAsync(functionName, new JsonObject { ["reservedConcurrency"] = reservedConcurrency }, cancellation);

    /// <summary>
    /// Written as serverless.yml's <c>maximumRetryAttempts</c>, <c>maximumEventAge</c> and
    /// <c>destinations</c>; settings on a version or alias cannot be expressed, as serverless-offline has neither.
    /// </summary>
    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation)
    {
        if (config.Qualifier is { } qualifier && qualifier != "$LATEST") throw flavour.Lacks($"versions and aliases (the qualifier {qualifier})");
        var settings = new JsonObject();
        if (config.MaximumRetryAttempts is { } retries) settings["maximumRetryAttempts"] = retries;
        if (config.MaximumEventAgeInSeconds is { } age) settings["maximumEventAge"] = age;
        var destinations = new JsonObject();
        if (config.OnSuccessDestination is { } onSuccess) destinations["onSuccess"] = onSuccess;
        if (config.OnFailureDestination is { } onFailure) destinations["onFailure"] = onFailure;
        if (destinations.Count > 0) settings["destinations"] = destinations;
        return SetFunctionSettingsAsync(functionName, settings, cancellation);
    }

    private async Task<ApiResult> SetFunctionSettingsAsync(string functionName, JsonObject settings, CancellationToken cancellation)
    {
        JsonObject before;
        lock (session.Gate)
        {
            if (!Service.Functions.ContainsKey(functionName)) return ApiResult.NotFound($"Function not found: {functionName}");
            before = (JsonObject)(Service.FunctionSettings.GetValueOrDefault(functionName) ?? new JsonObject()).DeepClone();
        }
        return await session.ApplyAsync(() =>
        {
            var merged = (JsonObject)before.DeepClone();
            foreach (var (key, value) in settings) merged[key] = value?.DeepClone();
            Service.FunctionSettings[functionName] = merged;
        }, () => Service.FunctionSettings[functionName] = before, cancellation);
    }

    // ---- API Gateway: serverless-offline's http (REST) and httpApi (HTTP API) events ----

    public async Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation)
    {
        if (!Service.Functions.ContainsKey(api.FunctionName)) return ApiResult.NotFound($"Function not found: {api.FunctionName}");
        var (method, path) = api.RouteKey == "$default" ? ("*", "") : (api.RouteKey.Split(' ')[0], api.RouteKey.Split(' ', 2)[^1]);
        JsonObject @event;
        if (api.Kind == ApiKind.Http)
        {
            // The integration settings under the keys serverless's http event gives them (integration, async):
            // its httpApi event has neither, so serverless judges a route that asks for them.
            Service.HttpApiPayloadVersion = api.PayloadFormatVersion;
            var route = new JsonObject { ["method"] = method, ["path"] = path };
            if (!api.Proxy) route["integration"] = "lambda";
            if (api.AsyncInvocation) route["async"] = true;
            @event = new JsonObject { ["httpApi"] = api.RouteKey == "$default" && route.Count == 2 ? "*" : route };
        }
        else
        {
            var http = new JsonObject { ["method"] = method.ToLowerInvariant(), ["path"] = path.TrimStart('/'), ["integration"] = api.Proxy ? "lambda-proxy" : "lambda" };
            if (api.AsyncInvocation) http["async"] = true;
            @event = new JsonObject { ["http"] = http };
        }
        lock (session.Gate) apis[api.Name] = api;
        return await ApplyEventAsync(api.FunctionName, @event, cancellation);
    }

    public Task<string?> ApiSourceArnAsync(string apiName) =>
        Task.FromResult(apis.ContainsKey(apiName) ? Arn.ExecuteApi(EmulatorStack.Region, EmulatorStack.AccountId, $"{Service.Name}-{apiName}").ToString() : null);

    public async Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation)
    {
        var running = await session.EnsureStartedAsync(cancellation);
        var api = apis.GetValueOrDefault(apiName) ?? throw new InvalidOperationException($"The scenario created no API named {apiName}.");
        var stagePrefix = api.Kind == ApiKind.Rest && flavour.RestApisUnderTheirStage ? "/" + ServerlessService.Stage : "";
        var uri = new Uri(running.HttpUrl, $"{stagePrefix}{request.Path}{(request.QueryString.Length > 0 ? "?" + request.QueryString : "")}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation, flavour.Stopping);
        deadline.CancelAfter(ServerlessSession.RequestTimeout);
        return await PlainHttpClient.SendAsync(uri, request, deadline.Token);
    }

    // ---- Schedules: serverless-offline's schedule events ----

    public async Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation)
    {
        if (!Service.Functions.ContainsKey(rule.FunctionName)) return ApiResult.NotFound($"Function not found: {rule.FunctionName}");
        return await ApplyEventAsync(rule.FunctionName, new JsonObject { ["schedule"] = rule.ScheduleExpression }, cancellation);
    }

    // ---- Event source mappings: sqs and stream events, polled by serverless-offline's plugins ----

    public async Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation)
    {
        if (!Service.Functions.ContainsKey(mapping.FunctionName)) return (ApiResult.NotFound($"Function not found: {mapping.FunctionName}"), null);
        var @event = MappingEvents.ToServerlessEvent(mapping);
        var applied = await ApplyEventAsync(mapping.FunctionName, @event, cancellation);
        if (!applied.Succeeded) return (applied, null);
        var uuid = Guid.NewGuid().ToString();
        lock (session.Gate) mappings[uuid] = @event;
        return (applied, uuid);
    }

    /// <summary>Enables or disables the mapping's event; the emulator takes it at its next restart, when the scenario next acts.</summary>
    public ApiResult SetEventSourceMappingEnabled(string uuid, bool enabled)
    {
        lock (session.Gate)
        {
            if (!mappings.TryGetValue(uuid, out var mapping)) return ApiResult.NotFound($"The resource you requested does not exist. (Service: Lambda; UUID: {uuid})");
            session.Changed();
            ((JsonObject)mapping.First().Value!)["enabled"] = enabled;
        }
        return ApiResult.Ok;
    }

    private Task<ApiResult> ApplyEventAsync(string function, JsonObject @event, CancellationToken cancellation) =>
        session.ApplyAsync(() => Service.AddEvent(function, @event), () => Service.Events[function].Remove(@event), cancellation);
}
