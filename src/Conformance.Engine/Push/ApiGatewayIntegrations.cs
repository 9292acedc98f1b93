using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// 5. an invoke Lambda rejects (permission, throttle) answers 500, a function error or a malformed
///    proxy response 502, both with <c>{"message": "Internal server error"}</c>;
/// 6. otherwise the proxy response is mapped: statusCode, headers merged with multiValueHeaders (which
///    win), body (base64-decoded when flagged); a 2.0 response without <c>statusCode</c> is inferred as
///    200 <c>application/json</c> with the returned JSON as body.
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
        if (response.StatusCode != 200) return Json(500, "Internal server error");
        if (response.FunctionError is not null) return spec.Proxy ? Json(502, "Internal server error") : new HttpResponse(200, [new("Content-Type", "application/json")], response.Payload ?? "");
        if (!spec.Proxy) return new HttpResponse(200, [new("Content-Type", "application/json")], response.Payload ?? "null");
        return (spec.Kind == ApiKind.Http && spec.PayloadFormatVersion == "2.0" ? MapV2(response.Payload) : MapV1(response.Payload)) ?? Json(502, "Internal server error");
    }

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
            new ProxyRequestContextV1(engine.Settings.AccountId, apiId, spec.Kind == ApiKind.Rest ? engine.Ids.Hex(6) : null, resource,
                request.Method.ToUpperInvariant(), spec.Kind == ApiKind.Rest ? $"/{stage}{request.Path}" : request.Path, stage, "HTTP/1.1",
                engine.Ids.Uuid(), now.ToUnixTimeMilliseconds(), new ProxyRequestIdentity(sourceIp, userAgent)),
            request.Body, false);
        return EventJson.Serialize(v1);
    }

    /// <summary>Maps a payload 1.0 proxy response; null when it is malformed ("Malformed Lambda proxy response").</summary>
    private static HttpResponse? MapV1(string? payload)
    {
        if (Parse(payload) is not JsonObject response) return null;
        return Explicit(response, includeCookies: false);
    }

    /// <summary>Maps a payload 2.0 response: explicit when it has <c>statusCode</c>, inferred otherwise.</summary>
    private static HttpResponse? MapV2(string? payload)
    {
        var node = Parse(payload, out var valid);
        if (!valid) return null;
        if (node is JsonObject response && response.ContainsKey("statusCode")) return Explicit(response, includeCookies: true);
        return new HttpResponse(200, [new("Content-Type", "application/json")], payload ?? "");
    }

    private static HttpResponse? Explicit(JsonObject response, bool includeCookies)
    {
        if (response["statusCode"] is not JsonValue status || !status.TryGetValue<int>(out var statusCode)) return null;
        var headers = new List<KeyValuePair<string, string>>();
        if (response["headers"] is JsonObject single)
            foreach (var (name, value) in single)
            {
                if (value is not JsonValue text) return null;
                headers.Add(new(name, text.ToString()));
            }
        else if (response["headers"] is not null) return null;
        if (response["multiValueHeaders"] is JsonObject multi)
            foreach (var (name, values) in multi)
            {
                if (values is not JsonArray array) return null;
                headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)); // multiValueHeaders win
                headers.AddRange(array.Select(v => new KeyValuePair<string, string>(name, v?.ToString() ?? "")));
            }
        if (includeCookies && response["cookies"] is JsonArray cookies)
            headers.AddRange(cookies.Select(c => new KeyValuePair<string, string>("Set-Cookie", c?.ToString() ?? "")));

        var body = "";
        if (response["body"] is JsonValue bodyValue)
        {
            if (!bodyValue.TryGetValue<string>(out var text)) return null;
            body = text;
            if (response["isBase64Encoded"] is JsonValue flag && flag.TryGetValue<bool>(out var encoded) && encoded)
            {
                try
                {
                    body = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }
        else if (response["body"] is not null) return null;
        return new HttpResponse(statusCode, headers, body);
    }

    private static JsonNode? Parse(string? payload) => Parse(payload, out _);

    private static JsonNode? Parse(string? payload, out bool valid)
    {
        valid = false;
        if (payload is null) return null;
        try
        {
            var node = JsonNode.Parse(payload);
            valid = true;
            return node;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
