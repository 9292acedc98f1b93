using System.Text.Json.Nodes;
using Conformance.Targets.Http;
using Conformance.Targets.Tests.Stubs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Targets.Tests.Http;

/// <summary>
/// API Gateway's control plane on the wire, against WireMock.Net stubs built from the API references
/// (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html,
/// https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/resources.html): paths, bodies, the
/// SigV4 signature for <c>apigateway</c>, and errors read back with AWS's type.
/// </summary>
public sealed class ApiGatewayApiWireTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private ApiGatewayApi Client() => new(aws.Signed("apigateway"));

    private void Answer(string method, string path, int status, string body) => aws.Rest(method, path, status, body);

    private JsonNode BodyOf(string method, string path) =>
        JsonNode.Parse(aws.Requests.Single(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path).RequestMessage.Body!)!;

    [Fact]
    public async Task A_REST_API_is_created_regional_and_tagged_and_signed_for_apigateway()
    {
        Answer("POST", "/restapis", 201, """{"id":"a1b2c3","name":"lc-run1-1-shop"}""");

        var (result, id) = await Client().CreateRestApiAsync("lc-run1-1-shop", "run1", default);

        result.Succeeded.ShouldBeTrue();
        id.ShouldBe("a1b2c3");
        var body = BodyOf("POST", "/restapis");
        body["name"]!.ToString().ShouldBe("lc-run1-1-shop");
        body["endpointConfiguration"]!["types"]![0]!.ToString().ShouldBe("REGIONAL");
        body["tags"]!["conformance-run"]!.ToString().ShouldBe("run1");
        aws.Requests.Single().RequestMessage.Headers!["Authorization"].Single().ShouldContain("/eu-west-1/apigateway/aws4_request");
    }

    [Fact]
    public async Task A_proxy_integration_calls_the_function_s_invocations_path_with_POST()
    {
        Answer("PUT", "/restapis/a1/resources/r1/methods/GET/integration", 201, """{"type":"AWS_PROXY"}""");

        var result = await Client().PutFunctionIntegrationAsync("a1", "r1", "GET", "eu-west-1", "arn:aws:lambda:eu-west-1:111111111111:function:f",
            proxy: true, asynchronous: false, timeout: TimeSpan.FromSeconds(10), default);

        result.Succeeded.ShouldBeTrue();
        var body = BodyOf("PUT", "/restapis/a1/resources/r1/methods/GET/integration");
        body["type"]!.ToString().ShouldBe("AWS_PROXY");
        body["httpMethod"]!.ToString().ShouldBe("POST");
        body["uri"]!.ToString().ShouldBe("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111111111111:function:f/invocations");
        body["timeoutInMillis"]!.GetValue<int>().ShouldBe(10_000);
        aws.Requests.Count.ShouldBe(1); // a proxy integration needs no method or integration response
    }

    [Fact]
    public async Task An_asynchronous_custom_integration_maps_the_static_Event_header_and_answers_through_a_200_response()
    {
        Answer("PUT", "/restapis/a1/resources/r1/methods/POST/integration", 201, """{"type":"AWS"}""");
        Answer("PUT", "/restapis/a1/resources/r1/methods/POST/responses/200", 201, """{"statusCode":"200"}""");
        Answer("PUT", "/restapis/a1/resources/r1/methods/POST/integration/responses/200", 201, """{"statusCode":"200"}""");

        var result = await Client().PutFunctionIntegrationAsync("a1", "r1", "POST", "eu-west-1", "arn:aws:lambda:eu-west-1:111111111111:function:f",
            proxy: false, asynchronous: true, timeout: null, default);

        result.Succeeded.ShouldBeTrue();
        var body = BodyOf("PUT", "/restapis/a1/resources/r1/methods/POST/integration");
        body["type"]!.ToString().ShouldBe("AWS");
        body["requestParameters"]!["integration.request.header.X-Amz-Invocation-Type"]!.ToString().ShouldBe("'Event'");
        aws.Requests.Select(e => e.RequestMessage.Path).ShouldBe([
            "/restapis/a1/resources/r1/methods/POST/integration", "/restapis/a1/resources/r1/methods/POST/responses/200",
            "/restapis/a1/resources/r1/methods/POST/integration/responses/200"]);
    }

    [Fact]
    public async Task An_HTTP_API_routes_to_a_proxy_integration_with_its_payload_version_on_the_auto_deployed_default_stage()
    {
        Answer("POST", "/v2/apis/h1/integrations", 201, """{"integrationId":"i9"}""");
        Answer("POST", "/v2/apis/h1/routes", 201, """{"routeId":"r9"}""");
        Answer("POST", "/v2/apis/h1/stages", 201, """{"stageName":"$default"}""");

        var result = await Client().RouteToFunctionAsync("h1", "GET /orders/{id}", "arn:aws:lambda:eu-west-1:111111111111:function:f", "2.0", null, default);

        result.Succeeded.ShouldBeTrue();
        BodyOf("POST", "/v2/apis/h1/integrations")["payloadFormatVersion"]!.ToString().ShouldBe("2.0");
        BodyOf("POST", "/v2/apis/h1/integrations")["integrationUri"]!.ToString().ShouldBe("arn:aws:lambda:eu-west-1:111111111111:function:f");
        BodyOf("POST", "/v2/apis/h1/routes")["target"]!.ToString().ShouldBe("integrations/i9");
        BodyOf("POST", "/v2/apis/h1/routes")["routeKey"]!.ToString().ShouldBe("GET /orders/{id}");
        BodyOf("POST", "/v2/apis/h1/stages")["autoDeploy"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_comes_back_with_AWS_s_error_type_and_message()
    {
        aws.Server.Given(Request.Create().WithPath("/restapis/a1/resources/r0").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("x-amzn-ErrorType", "BadRequestException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/")
                .WithBody("""{"message":"Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace."}"""));

        var (result, id) = await Client().CreateResourceAsync("a1", "r0", "bad path", default);

        id.ShouldBeNull();
        result.StatusCode.ShouldBe(400);
        result.ErrorType.ShouldBe("BadRequestException");
        result.Message.ShouldNotBeNull().ShouldStartWith("Resource's path part only allow");
    }

    [Fact]
    public async Task A_REST_API_deletion_over_the_account_s_quota_is_retried_until_allowed()
    {
        aws.Server.Given(Request.Create().WithPath("/restapis/a1").UsingDelete()).InScenario("quota").WillSetStateTo("allowed")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("x-amzn-ErrorType", "TooManyRequestsException").WithBody("""{"message":"Too Many Requests"}"""));
        aws.Server.Given(Request.Create().WithPath("/restapis/a1").UsingDelete()).InScenario("quota").WhenStateIs("allowed")
            .RespondWith(Response.Create().WithStatusCode(202));

        var result = await Client().DeleteRestApiWhenAllowedAsync("a1", default, pause: TimeSpan.FromMilliseconds(10));

        result.StatusCode.ShouldBe(202);
        aws.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_run_s_APIs_are_found_by_name_among_REST_and_HTTP_APIs()
    {
        Answer("GET", "/restapis", 200, """{"item":[{"id":"a1","name":"lc-run1-1-shop"},{"id":"zz","name":"someone-elses"}]}""");
        Answer("GET", "/v2/apis", 200, """{"items":[{"apiId":"h1","name":"lc-run1-2-shop","protocolType":"HTTP","routeSelectionExpression":"${request.method} ${request.path}"}]}""");

        var (result, apis) = await Client().ListApisAsync("lc-run1-", default);

        result.Succeeded.ShouldBeTrue();
        apis.ShouldBe([("a1", false), ("h1", true)]);
        // Without it, the REST API answers HAL (lists under _embedded), which the list member above would miss.
        aws.Requests.ShouldAllBe(r => r.RequestMessage.Headers!["Accept"].Contains("application/json"));
    }
}
