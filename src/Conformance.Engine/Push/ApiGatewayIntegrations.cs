using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Events;
using Conformance.Events.ApiGateway;
using Conformance.Core.Resources;

namespace Conformance.Engine.Push;

/// <summary>
/// API Gateway in front of a function (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html). The algorithm for a request:
/// 1. find the API's route (a REST API answers 403 "Missing Authentication Token" when none matches,
///    an HTTP API 404 "Not Found");
/// 2. a proxy integration builds the payload 1.0 or 2.0 event; a custom (non-proxy) one passes the body;
/// 3. a REST custom integration with <c>X-Amz-Invocation-Type: 'Event'</c> invokes asynchronously and
///    answers 200 with an empty body; everything else invokes synchronously;
/// 4. a function running past the integration timeout (29 s REST, 30 s HTTP API) answers 504;
/// 5. on a REST API, an invoke Lambda rejects (permission, throttle) answers 500, a function error or a
///    malformed proxy response 502, both with <c>{"message": "Internal server error"}</c>
///    (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html); an HTTP API
///    answers all three with <see cref="EngineSettings.HttpApiErrorStatus"/>;
/// 6. otherwise the proxy response is mapped (<see cref="ProxyResponses"/>).
/// API Gateway never retries Lambda.
/// </summary>
public sealed class ApiGatewayIntegrations(EngineParts engine)
{
    public const string Principal = "apigateway.amazonaws.com";

    private readonly Dictionary<string, (ApiSpec Spec, string Id)> apis = new(StringComparer.Ordinal);

    public (ApiResult Result, string? ApiId) CreateApi(ApiSpec spec)
    {
        if (spec.Kind == ApiKind.Rest && spec.PayloadFormatVersion != "1.0")
            return (new ApiResult(400, "BadRequestException", "REST API proxy integrations use payload format version 1.0."), null);
        if (spec.Kind == ApiKind.Http && spec.PayloadFormatVersion is not ("1.0" or "2.0"))
            return (new ApiResult(400, "BadRequestException", "PayloadFormatVersion must be 1.0 or 2.0."), null);
        if (spec.Kind == ApiKind.Http && (!spec.Proxy || spec.AsyncInvocation))
            return (new ApiResult(400, "BadRequestException", "HTTP APIs support Lambda proxy integrations only; they cannot invoke asynchronously."), null);
        if (spec.AsyncInvocation && spec.Proxy)
            return (new ApiResult(400, "BadRequestException", "Asynchronous invocation needs a custom (non-proxy) integration."), null);
        var maximum = spec.Kind == ApiKind.Rest ? engine.Settings.RestIntegrationTimeout : engine.Settings.HttpIntegrationTimeout;
        if (spec.IntegrationTimeout is { } timeout && (timeout < TimeSpan.FromMilliseconds(50) || timeout > maximum))
            return (new ApiResult(400, "BadRequestException", $"Timeout should be between 50 ms and {maximum.TotalMilliseconds:0} ms"), null);
        if (apis.ContainsKey(spec.Name)) return (new ApiResult(409, "ConflictException", $"API {spec.Name} already exists."), null);
        var id = engine.Ids.Hex(10);
        apis[spec.Name] = (spec, id);
        return (new ApiResult(201), id);
    }

    public string? SourceArn(string apiName) =>
        apis.TryGetValue(apiName, out var api) ? Arn.ExecuteApi(engine.Settings.Region, engine.Settings.AccountId, api.Id).ToString() : null;

    public HttpResponse Handle(string apiName, HttpRequest request)
    {
        if (!apis.TryGetValue(apiName, out var api)) return Json(404, "Not Found");
        var (spec, apiId) = api;
        var pathParameters = MatchRoute(spec.RouteKey, request);
        if (pathParameters is null) return spec.Kind == ApiKind.Rest ? Json(403, "Missing Authentication Token") : Json(404, "Not Found");

        var payload = spec.Proxy ? Event(spec, apiId, request, pathParameters) : string.IsNullOrEmpty(request.Body) ? "{}" : request.Body;
        var sourceArn = Arn.ExecuteApi(engine.Settings.Region, engine.Settings.AccountId, apiId).ToString();
        var timeout = spec.IntegrationTimeout ?? (spec.Kind == ApiKind.Rest ? engine.Settings.RestIntegrationTimeout : engine.Settings.HttpIntegrationTimeout);

        if (spec.AsyncInvocation)
        {
            var accepted = engine.Functions.InvokeAsService(Principal, sourceArn, spec.FunctionName, payload, InvocationType.Event);
            return accepted.StatusCode == 202 ? new HttpResponse(200, [new("Content-Type", "application/json")], "") : Json(500, "Internal server error");
        }

        if (engine.Functions.RunDuration(spec.FunctionName) is { } duration && duration > timeout)
        {
            engine.Functions.InvokeAsService(Principal, sourceArn, spec.FunctionName, payload, InvocationType.RequestResponse);
            return Json(504, spec.Kind == ApiKind.Rest ? "Endpoint request timed out" : "Service Unavailable");
        }
        var response = engine.Functions.InvokeAsService(Principal, sourceArn, spec.FunctionName, payload, InvocationType.RequestResponse);
        var http = spec.Kind == ApiKind.Http;
        if (response.StatusCode != 200) return http ? HttpApiError() : Json(500, "Internal server error");
        if (response.FunctionError is not null)
            return http ? HttpApiError() : spec.Proxy ? Json(502, "Internal server error") : new HttpResponse(200, [new("Content-Type", "application/json")], response.Payload ?? "");
        if (!spec.Proxy) return new HttpResponse(200, [new("Content-Type", "application/json")], response.Payload ?? "null");
        var mapped = http && spec.PayloadFormatVersion == "2.0" ? ProxyResponses.MapV2(response.Payload) : ProxyResponses.MapV1(response.Payload, decodeBase64: http);
        return mapped ?? (http ? HttpApiError() : Json(502, "Internal server error"));
    }

    /// <summary>What an HTTP API answers for a rejected invoke, a function error or a malformed response (<see cref="EngineSettings.HttpApiErrorStatus"/>).</summary>
    private HttpResponse HttpApiError() => Json(engine.Settings.HttpApiErrorStatus, engine.Settings.HttpApiErrorMessage);

    private static HttpResponse Json(int status, string message) =>
        new(status, [new("Content-Type", "application/json")], $"{{\"message\":\"{message}\"}}");

    /// <summary>The path parameters when the route matches the request, else null. <c>$default</c> and <c>ANY</c> match everything.</summary>
    private static Dictionary<string, string>? MatchRoute(string routeKey, HttpRequest request)
    {
        if (routeKey == "$default") return [];
        var parts = routeKey.Split(' ', 2);
        if (parts.Length != 2 || (parts[0] != "ANY" && !parts[0].Equals(request.Method, StringComparison.OrdinalIgnoreCase))) return null;
        var template = parts[1].Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parameters = new Dictionary<string, string>();
        for (var i = 0; i < template.Length; i++)
        {
            var segment = template[i];
            if (segment.StartsWith('{') && segment.EndsWith("+}"))
            {
                parameters[segment[1..^2]] = string.Join('/', path.Skip(i));
                return path.Length > i ? parameters : null;
            }
            if (i >= path.Length) return null;
            if (segment.StartsWith('{') && segment.EndsWith('}')) parameters[segment[1..^1]] = Uri.UnescapeDataString(path[i]);
            else if (segment != path[i]) return null;
        }
        return path.Length == template.Length ? parameters : null;
    }

    private string Event(ApiSpec spec, string apiId, HttpRequest request, Dictionary<string, string> pathParameters)
    {
        var now = engine.Time.GetUtcNow();
        var query = request.QueryString.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .ToList();
        var sourceIp = "127.0.0.1";
        var userAgent = request.Headers.FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value ?? "conformance-kit";
        var resource = spec.RouteKey == "$default" ? "$default" : spec.RouteKey.Split(' ', 2)[1];

        if (spec.Kind == ApiKind.Http && spec.PayloadFormatVersion == "2.0")
        {
            var cookies = request.Headers.Where(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                .SelectMany(h => h.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            var headers = request.Headers.Where(h => !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => h.Value)));
            var domain = $"{apiId}.execute-api.{engine.Settings.Region}.amazonaws.com";
            var v2 = new HttpApiRequestV2("2.0", spec.RouteKey, request.Path, request.QueryString, cookies.Count == 0 ? null : cookies, headers,
                query.Count == 0 ? null : query.GroupBy(q => q.Name).ToDictionary(g => g.Key, g => string.Join(',', g.Select(q => q.Value))),
                pathParameters.Count == 0 ? null : pathParameters,
                new HttpApiRequestContextV2(engine.Settings.AccountId, apiId, domain, apiId,
                    new HttpApiHttpDescription(request.Method.ToUpperInvariant(), request.Path, "HTTP/1.1", sourceIp, userAgent),
                    engine.Ids.Base64(10).TrimEnd('=') + "=", spec.RouteKey, "$default",
                    now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture), now.ToUnixTimeMilliseconds()),
                request.Body, false);
            return EventJson.Serialize(v2);
        }

        var headerGroups = request.Headers.GroupBy(h => h.Key).ToList();
        var stage = spec.Kind == ApiKind.Rest ? "prod" : "$default";
        var v1 = new ProxyRequestV1(spec.Kind == ApiKind.Http ? "1.0" : null, resource, request.Path, request.Method.ToUpperInvariant(),
            headerGroups.Count == 0 ? null : headerGroups.ToDictionary(g => g.Key, g => g.Last().Value),
            headerGroups.Count == 0 ? null : headerGroups.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(h => h.Value).ToList()),
            query.Count == 0 ? null : query.GroupBy(q => q.Name).ToDictionary(g => g.Key, g => g.Last().Value),
            query.Count == 0 ? null : query.GroupBy(q => q.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(q => q.Value).ToList()),
            pathParameters.Count == 0 ? null : pathParameters, null,
            new ProxyRequestContextV1(engine.Settings.AccountId, apiId, spec.Kind == ApiKind.Rest ? engine.Ids.Hex(6) : null,
                ProxyRequestContextV1.DomainOf(apiId, engine.Settings.Region), apiId, engine.Ids.Base64(10).TrimEnd('=') + "=",
                request.Method.ToUpperInvariant(), new ProxyRequestIdentity(sourceIp, userAgent),
                spec.Kind == ApiKind.Rest ? $"/{stage}{request.Path}" : request.Path, "HTTP/1.1", engine.Ids.Uuid(),
                ProxyRequestContextV1.FormatTime(now), now.ToUnixTimeMilliseconds(), spec.Kind == ApiKind.Rest ? engine.Ids.Hex(6) : null, resource, stage),
            request.Body, false);
        return EventJson.Serialize(v1);
    }
}
