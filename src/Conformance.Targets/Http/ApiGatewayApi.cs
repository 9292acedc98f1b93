using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// API Gateway's control plane (REST-JSON, signed for <c>apigateway</c>): REST APIs under <c>/restapis</c>
/// (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html) and HTTP APIs under
/// <c>/v2/apis</c> (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/resources.html), only the
/// operations that put one function behind one route.
/// </summary>
public sealed class ApiGatewayApi(HttpClient http)
{
    private readonly AwsRestJsonProtocol protocol = new(http);

    private static string Rest(string apiId) => $"/restapis/{Uri.EscapeDataString(apiId)}";

    private static string Method(string apiId, string resourceId, string method) =>
        $"{Rest(apiId)}/resources/{Uri.EscapeDataString(resourceId)}/methods/{Uri.EscapeDataString(method)}";

    private static JsonObject Tags(string runId) => new() { ["conformance-run"] = runId };

    // ---- REST APIs -------------------------------------------------------------------------------

    /// <summary><c>CreateRestApi</c> (regional, tagged); returns its id.</summary>
    public async Task<(ApiResult Result, string? ApiId)> CreateRestApiAsync(string name, string runId, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync(HttpMethod.Post, "/restapis", new JsonObject
        {
            ["name"] = name, ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") }, ["tags"] = Tags(runId),
        }, cancellation);
        return (result, body?["id"]?.ToString());
    }

    /// <summary>The id of the API's root resource <c>/</c>.</summary>
    public async Task<(ApiResult Result, string? ResourceId)> RootResourceAsync(string apiId, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync(HttpMethod.Get, $"{Rest(apiId)}/resources", null, cancellation);
        var root = body?[RestApiListMember]?.AsArray().FirstOrDefault(r => r?["path"]?.ToString() == "/");
        return (result, root?["id"]?.ToString());
    }

    /// <summary><c>CreateResource</c>: one path segment under a parent; returns its id.</summary>
    public async Task<(ApiResult Result, string? ResourceId)> CreateResourceAsync(string apiId, string parentId, string pathPart, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync(HttpMethod.Post, $"{Rest(apiId)}/resources/{Uri.EscapeDataString(parentId)}",
            new JsonObject { ["pathPart"] = pathPart }, cancellation);
        return (result, body?["id"]?.ToString());
    }

    /// <summary><c>PutMethod</c> without authorization.</summary>
    public async Task<ApiResult> PutMethodAsync(string apiId, string resourceId, string method, CancellationToken cancellation) =>
        (await protocol.CallAsync(HttpMethod.Put, Method(apiId, resourceId, method), new JsonObject { ["authorizationType"] = "NONE" }, cancellation)).Result;

    /// <summary>
    /// <c>PutIntegration</c> with the function: <c>AWS_PROXY</c>, or a custom <c>AWS</c> integration that,
    /// when <paramref name="asynchronous"/>, maps the static header <c>X-Amz-Invocation-Type: 'Event'</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html).
    /// </summary>
    public async Task<ApiResult> PutFunctionIntegrationAsync(string apiId, string resourceId, string method, string region, string functionArn,
        bool proxy, bool asynchronous, TimeSpan? timeout, CancellationToken cancellation)
    {
        var integration = new JsonObject
        {
            ["type"] = proxy ? "AWS_PROXY" : "AWS",
            ["httpMethod"] = "POST",
            ["uri"] = $"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations",
        };
        if (timeout is { } t) integration["timeoutInMillis"] = (int)t.TotalMilliseconds;
        if (asynchronous) integration["requestParameters"] = new JsonObject { ["integration.request.header.X-Amz-Invocation-Type"] = "'Event'" };
        var (result, _) = await protocol.CallAsync(HttpMethod.Put, Method(apiId, resourceId, method) + "/integration", integration, cancellation);
        if (!result.Succeeded || proxy) return result;
        // A custom integration answers only through a method response and an integration response.
        var (methodResponse, _) = await protocol.CallAsync(HttpMethod.Put, Method(apiId, resourceId, method) + "/responses/200", new JsonObject(), cancellation);
        if (!methodResponse.Succeeded) return methodResponse;
        return (await protocol.CallAsync(HttpMethod.Put, Method(apiId, resourceId, method) + "/integration/responses/200",
            new JsonObject { ["selectionPattern"] = "" }, cancellation)).Result;
    }

    /// <summary><c>CreateDeployment</c> to a stage.</summary>
    public async Task<ApiResult> DeployAsync(string apiId, string stage, CancellationToken cancellation) =>
        (await protocol.CallAsync(HttpMethod.Post, $"{Rest(apiId)}/deployments", new JsonObject { ["stageName"] = stage }, cancellation)).Result;

    public async Task<ApiResult> DeleteRestApiAsync(string apiId, CancellationToken cancellation) =>
        (await protocol.CallAsync(HttpMethod.Delete, Rest(apiId), null, cancellation)).Result;

    /// <summary>
    /// <c>DeleteRestApi</c>, waiting out its quota: the account may delete one REST API every 30 seconds
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html), so a 429 is waited for and
    /// retried, up to 5 minutes. <paramref name="waiting"/> ends the waits (Ctrl+C), never a request under way.
    /// </summary>
    public async Task<ApiResult> DeleteRestApiWhenAllowedAsync(string apiId, CancellationToken waiting, TimeSpan? pause = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await DeleteRestApiAsync(apiId, CancellationToken.None);
            if (result.StatusCode != 429 || attempt == 10 || waiting.IsCancellationRequested) return result;
            await Task.Delay(pause ?? TimeSpan.FromSeconds(30), waiting);
        }
    }

    // ---- HTTP APIs -------------------------------------------------------------------------------

    /// <summary><c>CreateApi</c> with protocol HTTP (tagged); returns its id.</summary>
    public async Task<(ApiResult Result, string? ApiId)> CreateHttpApiAsync(string name, string runId, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync(HttpMethod.Post, "/v2/apis",
            new JsonObject { ["name"] = name, ["protocolType"] = "HTTP", ["tags"] = Tags(runId) }, cancellation);
        return (result, body?["apiId"]?.ToString());
    }

    /// <summary>An <c>AWS_PROXY</c> integration with the function, its payload format version and timeout; then the route to it and the auto-deployed <c>$default</c> stage.</summary>
    public async Task<ApiResult> RouteToFunctionAsync(string apiId, string routeKey, string functionArn, string payloadFormatVersion, TimeSpan? timeout, CancellationToken cancellation)
    {
        var integration = new JsonObject
        {
            ["integrationType"] = "AWS_PROXY", ["integrationUri"] = functionArn, ["payloadFormatVersion"] = payloadFormatVersion,
        };
        if (timeout is { } t) integration["timeoutInMillis"] = (int)t.TotalMilliseconds;
        var (integrated, body) = await protocol.CallAsync(HttpMethod.Post, $"/v2/apis/{Uri.EscapeDataString(apiId)}/integrations", integration, cancellation);
        if (!integrated.Succeeded) return integrated;
        var (routed, _) = await protocol.CallAsync(HttpMethod.Post, $"/v2/apis/{Uri.EscapeDataString(apiId)}/routes",
            new JsonObject { ["routeKey"] = routeKey, ["target"] = $"integrations/{body?["integrationId"]}" }, cancellation);
        if (!routed.Succeeded) return routed;
        return (await protocol.CallAsync(HttpMethod.Post, $"/v2/apis/{Uri.EscapeDataString(apiId)}/stages",
            new JsonObject { ["stageName"] = "$default", ["autoDeploy"] = true }, cancellation)).Result;
    }

    public async Task<ApiResult> DeleteHttpApiAsync(string apiId, CancellationToken cancellation) =>
        (await protocol.CallAsync(HttpMethod.Delete, $"/v2/apis/{Uri.EscapeDataString(apiId)}", null, cancellation)).Result;

    // ---- Both, for cleanup -----------------------------------------------------------------------

    /// <summary>The REST and HTTP APIs whose names start with <paramref name="prefix"/>: (id, whether it is an HTTP API).</summary>
    public async Task<(ApiResult Result, IReadOnlyList<(string Id, bool Http)> Apis)> ListApisAsync(string prefix, CancellationToken cancellation)
    {
        var (rest, restBody) = await protocol.CallAsync(HttpMethod.Get, "/restapis?limit=500", null, cancellation);
        if (!rest.Succeeded) return (rest, []);
        var (httpApis, httpBody) = await protocol.CallAsync(HttpMethod.Get, "/v2/apis?maxResults=500", null, cancellation);
        var apis = Named(restBody, RestApiListMember, "id", prefix).Select(id => (id, false)).ToList();
        if (httpApis.Succeeded) apis.AddRange(Named(httpBody, "items", "apiId", prefix).Select(id => (id, true)));
        return (httpApis.Succeeded || httpApis.StatusCode == 404 ? ApiResult.Ok : httpApis, apis);
    }

    /// <summary>
    /// A REST API (v1) list's member on the wire: <c>item</c> (the models' <c>items</c> member, with
    /// <c>locationName: item</c>); HTTP APIs (v2) say <c>items</c>.
    /// </summary>
    private const string RestApiListMember = "item";

    private static IEnumerable<string> Named(JsonObject? body, string listMember, string idField, string prefix) =>
        body?[listMember]?.AsArray().Where(a => a?["name"]?.ToString()?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .Select(a => a![idField]?.ToString() ?? "").Where(id => id.Length > 0) ?? [];
}
