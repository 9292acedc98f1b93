using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Push;

namespace Conformance.Engine.Tests.Push;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html: API Gateway proxy and custom integrations.</summary>
public sealed class ApiGatewayTests
{
    private static EngineFixture Api(string response, ApiKind kind = ApiKind.Rest, string payload = "1.0", bool permitted = true,
        FunctionBehaviour? behaviour = null, bool proxy = true, bool async = false, string route = "GET /orders/{id}")
    {
        var fixture = new EngineFixture().WithFunction(behaviour ?? FunctionBehaviour.Returning(response), timeout: TimeSpan.FromSeconds(60));
        if (permitted) fixture.Allow(ApiGatewayIntegrations.Principal);
        var (result, _) = fixture.Engine.ApiGateway.CreateApi(new ApiSpec("shop", kind, route, "fn") { PayloadFormatVersion = payload, Proxy = proxy, AsyncInvocation = async });
        result.Succeeded.ShouldBeTrue(result.ToString());
        return fixture;
    }

    private static HttpResponse Get(EngineFixture fixture, string path = "/orders/42", params KeyValuePair<string, string>[] headers) =>
        fixture.Engine.ApiGateway.Handle("shop", new HttpRequest("GET", path) { Headers = headers, QueryString = "tag=a&tag=b" });

    [Fact]
    public void S13_a_proxy_response_becomes_the_http_response_with_same_named_headers_merged_multi_values_first()
    {
        var fixture = Api("""{"statusCode":201,"headers":{"X-One":"single","X-Both":"from-headers"},"multiValueHeaders":{"X-Both":["a","b"]},"body":"created","isBase64Encoded":false}""");

        var response = Get(fixture);

        response.StatusCode.ShouldBe(201);
        response.Body.ShouldBe("created");
        response.Header("X-One").ShouldBe("single");
        response.Headers.Where(h => h.Key == "X-Both").Select(h => h.Value).ShouldBe(["a", "b", "from-headers"]);
    }

    [Theory]
    [InlineData("""{"statusCode":"201"}""", 201)]
    [InlineData("""{"headers":{"x":"y"}}""", 200)]
    public void S13_a_status_code_may_be_a_numeric_string_or_absent(string response, int status) =>
        Get(Api(response)).StatusCode.ShouldBe(status);

    [Fact]
    public void S13_a_rest_api_without_binary_media_types_returns_a_base64_body_as_text_and_an_http_api_decodes_it()
    {
        const string response = """{"statusCode":200,"body":"aGVsbG8=","isBase64Encoded":true}""";
        Get(Api(response)).Body.ShouldBe("aGVsbG8=");
        Get(Api(response, ApiKind.Http, "1.0")).Body.ShouldBe("hello");
    }

    [Fact]
    public void S13_an_http_api_answers_a_malformed_response_with_its_error_status() =>
        Get(Api("""{"statusCode":200,"wrongValue":1}""", ApiKind.Http, "1.0")).ShouldSatisfyAllConditions(
            r => r.StatusCode.ShouldBe(500),
            r => r.Body.ShouldBe("""{"message":"Internal Server Error"}"""));

    [Fact]
    public void S15_6_the_rest_proxy_event_has_the_payload_1_0_shape()
    {
        var fixture = Api("""{"statusCode":200,"body":""}""");

        Get(fixture, headers: [new("Accept", "text/plain"), new("Accept", "application/json")]);

        var request = JsonNode.Parse(fixture.Engine.Invocations("fn").Single().Event)!;
        request["resource"]!.GetValue<string>().ShouldBe("/orders/{id}");
        request["path"]!.GetValue<string>().ShouldBe("/orders/42");
        request["pathParameters"]!["id"]!.GetValue<string>().ShouldBe("42");
        request["queryStringParameters"]!["tag"]!.GetValue<string>().ShouldBe("b");
        request["multiValueQueryStringParameters"]!["tag"]!.ToJsonString().ShouldBe("[\"a\",\"b\"]");
        request["multiValueHeaders"]!["Accept"]!.ToJsonString().ShouldBe("[\"text/plain\",\"application/json\"]");
        request["stageVariables"].ShouldBeNull();
        request.AsObject().ContainsKey("stageVariables").ShouldBeTrue();
        request["requestContext"]!["stage"]!.GetValue<string>().ShouldBe("prod");
        request.AsObject().ContainsKey("version").ShouldBeFalse();
    }

    [Fact]
    public void S15_7_the_http_api_2_0_event_joins_duplicates_and_lower_cases_headers()
    {
        var fixture = Api("{}", ApiKind.Http, "2.0");

        Get(fixture, headers: [new("X-Multi", "v1"), new("X-Multi", "v2"), new("Cookie", "c1=v1; c2=v2")]);

        var request = JsonNode.Parse(fixture.Engine.Invocations("fn").Single().Event)!;
        request["version"]!.GetValue<string>().ShouldBe("2.0");
        request["rawQueryString"]!.GetValue<string>().ShouldBe("tag=a&tag=b");
        request["queryStringParameters"]!["tag"]!.GetValue<string>().ShouldBe("a,b");
        request["headers"]!["x-multi"]!.GetValue<string>().ShouldBe("v1,v2");
        request["cookies"]!.ToJsonString().ShouldBe("[\"c1=v1\",\"c2=v2\"]");
        request.AsObject().ContainsKey("multiValueHeaders").ShouldBeFalse();
    }

    [Fact]
    public void S13_an_http_api_1_0_event_is_the_rest_shape_with_a_version()
    {
        var fixture = Api("""{"statusCode":200,"body":"ok"}""", ApiKind.Http, "1.0");

        Get(fixture).StatusCode.ShouldBe(200);

        JsonNode.Parse(fixture.Engine.Invocations("fn").Single().Event)!["version"]!.GetValue<string>().ShouldBe("1.0");
    }

    [Fact]
    public void S13_a_2_0_response_without_status_code_is_inferred_as_200_json()
    {
        var response = Get(Api("""{"orderId":42}""", ApiKind.Http, "2.0"));

        response.StatusCode.ShouldBe(200);
        response.Header("Content-Type").ShouldBe("application/json");
        response.Body.ShouldBe("""{"orderId":42}""");
    }

    [Fact]
    public void S13_a_2_0_explicit_response_sets_its_cookies()
    {
        var response = Get(Api("""{"statusCode":200,"cookies":["a=1"],"headers":{"x":"y"},"body":"b"}""", ApiKind.Http, "2.0"));

        response.Headers.Where(h => h.Key == "Set-Cookie").Select(h => h.Value).ShouldBe(["a=1"]);
        response.Body.ShouldBe("b");
    }

    [Theory]
    [InlineData("""{"statusCode":200,"unknownKey":"value"}""")]
    [InlineData("""{"statusCode":"abc"}""")]
    [InlineData("""{"statusCode":200,"multiValueHeaders":{"a":"not a list"}}""")]
    [InlineData("""{"statusCode":200,"body":{"not":"a string"}}""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("null")]
    public void S13_a_malformed_proxy_response_answers_502(string malformed)
    {
        var response = Get(Api(malformed));

        response.StatusCode.ShouldBe(502);
        response.Body.ShouldBe("""{"message":"Internal server error"}""");
    }

    [Fact]
    public void S13_a_function_error_answers_502_and_api_gateway_does_not_retry()
    {
        var fixture = Api("", behaviour: FunctionBehaviour.AlwaysFailing("Error", "boom"));

        Get(fixture).StatusCode.ShouldBe(502);
        fixture.Pass(TimeSpan.FromMinutes(10));
        fixture.Engine.Invocations("fn").Count.ShouldBe(1);
    }

    [Fact]
    public void S13_an_invoke_lambda_rejects_answers_500()
    {
        Get(Api("{}", permitted: false)).StatusCode.ShouldBe(500);

        var throttled = Api("""{"statusCode":200,"body":""}""");
        throttled.Engine.PutFunctionConcurrency("fn", 0);
        Get(throttled).ShouldSatisfyAllConditions(r => r.StatusCode.ShouldBe(500), r => r.Body.ShouldBe("""{"message":"Internal server error"}"""));
    }

    [Theory]
    [InlineData(ApiKind.Rest, 28, 200)]
    [InlineData(ApiKind.Rest, 30, 504)]
    [InlineData(ApiKind.Http, 29, 200)]
    [InlineData(ApiKind.Http, 31, 504)]
    public void S13_a_function_slower_than_the_integration_timeout_answers_504(ApiKind kind, int seconds, int status) =>
        Get(Api("", kind, behaviour: FunctionBehaviour.Returning("""{"statusCode":200,"body":""}""") with { Duration = TimeSpan.FromSeconds(seconds) }))
            .StatusCode.ShouldBe(status);

    [Fact]
    public void S13_a_rest_custom_integration_with_invocation_type_event_invokes_asynchronously()
    {
        var fixture = Api("", proxy: false, async: true, behaviour: FunctionBehaviour.AlwaysFailing("Error", "boom"));

        var response = fixture.Engine.ApiGateway.Handle("shop", new HttpRequest("GET", "/orders/42", "{\"orderId\":42}"));
        fixture.Pass(TimeSpan.FromMinutes(5));

        response.StatusCode.ShouldBe(200);
        fixture.Engine.Invocations("fn").Select(i => i.Event).ShouldBe(["{\"orderId\":42}", "{\"orderId\":42}", "{\"orderId\":42}"]);
    }

    [Fact]
    public void S13_http_apis_cannot_invoke_asynchronously()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        fixture.Engine.ApiGateway.CreateApi(new ApiSpec("h", ApiKind.Http, "$default", "fn") { Proxy = false, AsyncInvocation = true })
            .Result.ErrorType.ShouldBe("BadRequestException");
    }

    [Fact]
    public void S13_an_unmatched_route_answers_403_on_rest_and_404_on_http_apis()
    {
        Get(Api("{}"), "/customers/1").StatusCode.ShouldBe(403);
        Get(Api("{}", ApiKind.Http, "2.0"), "/customers/1").StatusCode.ShouldBe(404);
    }
}
