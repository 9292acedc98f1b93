using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Http;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// A scenario's API Gateway APIs on AWS or LocalStack: each is one route to one function, a REST API
/// deployed to the stage <see cref="Stage"/> or an HTTP API with its auto-deployed <c>$default</c> stage.
/// Clients reach it at its invoke URL as any client would; every API is deleted when the scenario ends.
/// </summary>
internal sealed class ScenarioApis(AwsRun run, Func<string, string> physical, Func<string, string> functionArn, Func<string> account) : IAsyncDisposable
{
    /// <summary>The stage every REST API is deployed to.</summary>
    public const string Stage = "conformance";

    private readonly Dictionary<string, (string Id, ApiKind Kind)> apis = new(StringComparer.Ordinal);

    public async Task<ApiResult> CreateAsync(ApiSpec spec, CancellationToken cancellation)
    {
        var function = functionArn(physical(spec.FunctionName));
        var (created, id) = spec.Kind == ApiKind.Rest
            ? await run.ApiGateway.CreateRestApiAsync(physical(spec.Name), run.Settings.RunId, cancellation)
            : await run.ApiGateway.CreateHttpApiAsync(physical(spec.Name), run.Settings.RunId, cancellation);
        if (!created.Succeeded || id is null) return created;
        apis[spec.Name] = (id, spec.Kind);
        return spec.Kind == ApiKind.Rest
            ? await RouteRestAsync(id, spec, function, cancellation)
            : await run.ApiGateway.RouteToFunctionAsync(id, spec.RouteKey, function, spec.PayloadFormatVersion, spec.IntegrationTimeout, cancellation);
    }

    /// <summary>The route's resources, one per path segment, its method and integration, and a deployment.</summary>
    private async Task<ApiResult> RouteRestAsync(string id, ApiSpec spec, string function, CancellationToken cancellation)
    {
        var (method, path) = spec.RouteKey.Split(' ', 2) is [var m, var p] ? (m, p) : ("ANY", spec.RouteKey);
        var (found, resource) = await run.ApiGateway.RootResourceAsync(id, cancellation);
        if (!found.Succeeded || resource is null) return found;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var (made, child) = await run.ApiGateway.CreateResourceAsync(id, resource, part, cancellation);
            if (!made.Succeeded || child is null) return made;
            resource = child;
        }
        var put = await run.ApiGateway.PutMethodAsync(id, resource, method, cancellation);
        if (!put.Succeeded) return put;
        var integrated = await run.ApiGateway.PutFunctionIntegrationAsync(id, resource, method, run.Settings.Region, function,
            spec.Proxy, spec.AsyncInvocation, spec.IntegrationTimeout, cancellation);
        return integrated.Succeeded ? await run.ApiGateway.DeployAsync(id, Stage, cancellation) : integrated;
    }

    /// <summary>Every invocation of the API, any stage, method and path: the source ARN of the function's permission.</summary>
    public string? SourceArn(string apiName) =>
        apis.TryGetValue(apiName, out var api) ? $"arn:aws:execute-api:{run.Settings.Region}:{account()}:{api.Id}/*" : null;

    /// <summary>
    /// The request at the API's invoke URL: <c>https://ID.execute-api.REGION.amazonaws.com[/STAGE]/PATH</c> on
    /// AWS; on a custom endpoint LocalStack's path-based forms, <c>ENDPOINT/restapis/ID/STAGE/_user_request_/PATH</c>
    /// for a REST API and <c>ENDPOINT/_aws/execute-api/ID/$default/PATH</c> for an HTTP API.
    /// </summary>
    public Task<HttpResponse> SendAsync(string apiName, HttpRequest request, CancellationToken cancellation)
    {
        if (!apis.TryGetValue(apiName, out var api)) throw new InvalidOperationException($"No API named {apiName} was created in this scenario.");
        var stage = api.Kind == ApiKind.Rest ? "/" + Stage : "";
        var address = run.Settings.Endpoint is { } endpoint
            ? new Uri(endpoint, api.Kind == ApiKind.Rest ? $"/restapis/{api.Id}{stage}/_user_request_{request.Path}" : $"/_aws/execute-api/{api.Id}/$default{request.Path}")
            : new Uri($"https://{api.Id}.execute-api.{run.Settings.Region}.amazonaws.com{stage}{request.Path}");
        if (request.QueryString.Length > 0) address = new Uri($"{address}?{request.QueryString}");
        return PlainHttpClient.SendAsync(address, request, cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (id, kind) in apis.Values)
            await Quietly.Run(() => kind == ApiKind.Rest
                ? run.ApiGateway.DeleteRestApiWhenAllowedAsync(id, run.Stopping)
                : run.ApiGateway.DeleteHttpApiAsync(id, CancellationToken.None));
    }
}
