using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;
using Conformance.Targets.Tests.Stubs;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// A REST API scenario on the AWS target, end to end against a WireMock.Net stub of a single
/// AWS-compatible endpoint (LocalStack's form): the route is built segment by segment, deployed, reached
/// at the invoke URL as a client reaches it, and deleted when the scenario ends.
/// </summary>
public sealed class AwsApiGatewayTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private void Answer(string method, string path, int status, string body = "") => aws.Rest(method, path, status, body);

    [Fact]
    public async Task A_REST_route_is_created_deployed_reached_at_its_invoke_URL_and_deleted()
    {
        Answer("POST", "/restapis", 201, """{"id":"a1","name":"lc-run1-1-shop"}""");
        Answer("GET", "/restapis/a1/resources", 200, """{"item":[{"id":"root","path":"/"}]}""");
        Answer("POST", "/restapis/a1/resources/root", 201, """{"id":"orders","path":"/orders"}""");
        Answer("POST", "/restapis/a1/resources/orders", 201, """{"id":"order","path":"/orders/{id}"}""");
        Answer("PUT", "/restapis/a1/resources/order/methods/GET", 201, """{"httpMethod":"GET"}""");
        Answer("PUT", "/restapis/a1/resources/order/methods/GET/integration", 201, """{"type":"AWS_PROXY"}""");
        Answer("POST", "/restapis/a1/deployments", 201, """{"id":"d1"}""");
        Answer("GET", "/restapis/a1/conformance/_user_request_/orders/7", 201, """{"created":7}""");
        Answer("DELETE", "/restapis/a1", 202);
        await using var run = aws.Connect();
        var target = run.CreateTarget();

        target.Capabilities.Has(TargetCapabilities.ApiGateway).ShouldBeTrue();
        var created = await target.CreateApiAsync(new ApiSpec("shop", ApiKind.Rest, "GET /orders/{id}", "probe"));
        var sourceArn = await target.ApiSourceArnAsync("shop");
        var response = await target.SendHttpRequestAsync("shop", new HttpRequest("GET", "/orders/7") { QueryString = "expand=1" });
        await target.DisposeAsync();

        created.Succeeded.ShouldBeTrue(created.ToString());
        sourceArn.ShouldBe("arn:aws:execute-api:us-east-1:000000000000:a1/*");
        response.StatusCode.ShouldBe(201);
        response.Body.ShouldBe("""{"created":7}""");
        var requests = aws.Requests.Select(e => e.RequestMessage).ToList();
        requests.Single(r => r.Path.EndsWith("/resources/root", StringComparison.Ordinal)).Body!.ShouldContain("\"pathPart\":\"orders\"");
        requests.Single(r => r.Path.EndsWith("/resources/orders", StringComparison.Ordinal)).Body!.ShouldContain("\"pathPart\":\"{id}\"");
        requests.Single(r => r.Path.EndsWith("/integration", StringComparison.Ordinal)).Body!.ShouldContain("function:lc-run1-1-probe/invocations");
        requests.Single(r => r.Path == "/restapis/a1/conformance/_user_request_/orders/7").Query!["expand"].ShouldBe(["1"]);
        requests.Last().Method.ShouldBe("DELETE");
    }

    [Fact]
    public async Task An_HTTP_API_route_is_created_on_its_default_stage_reached_and_deleted()
    {
        Answer("POST", "/v2/apis", 201, """{"apiId":"h1","name":"lc-run1-1-web"}""");
        Answer("POST", "/v2/apis/h1/integrations", 201, """{"integrationId":"i1"}""");
        Answer("POST", "/v2/apis/h1/routes", 201, """{"routeId":"r1"}""");
        Answer("POST", "/v2/apis/h1/stages", 201, """{"stageName":"$default"}""");
        Answer("GET", "/_aws/execute-api/h1/$default/login", 200, """{"ok":true}""");
        Answer("DELETE", "/v2/apis/h1", 204);
        await using var run = aws.Connect();
        var target = run.CreateTarget();

        var created = await target.CreateApiAsync(new ApiSpec("web", ApiKind.Http, "GET /login", "probe") { PayloadFormatVersion = "2.0" });
        var response = await target.SendHttpRequestAsync("web", new HttpRequest("GET", "/login"));
        await target.DisposeAsync();

        created.Succeeded.ShouldBeTrue(created.ToString());
        response.StatusCode.ShouldBe(200);
        var requests = aws.Requests.Select(e => e.RequestMessage).ToList();
        requests.Single(r => r.Path == "/v2/apis/h1/integrations").Body!.ShouldContain("\"integrationUri\":\"arn:aws:lambda:us-east-1:000000000000:function:lc-run1-1-probe\"");
        requests.Last().Method.ShouldBe("DELETE");
        requests.Last().Path.ShouldBe("/v2/apis/h1");
    }
}
