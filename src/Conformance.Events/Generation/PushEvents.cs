using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Events.ApiGateway;
using Conformance.Events.EventBridge;

namespace Conformance.Events.Generation;

/// <summary>The events of push sources: API Gateway requests and responses, and EventBridge scheduled events.</summary>
public sealed class PushEvents
{
    private readonly GenerationState state;

    private readonly ApiAuthorizers authorizers;

    internal PushEvents(GenerationState state) => (this.state, authorizers) = (state, new ApiAuthorizers(state));

    private AwsIdentity Ids => state.Ids;

    // ---- API Gateway -----------------------------------------------------------------------------

    /// <summary>
    /// A REST API proxy request (payload 1.0); with <paramref name="httpApi"/>, the HTTP API 1.0 flavour. An
    /// <paramref name="authorizer"/> (Lambda or Cognito on REST, JWT on HTTP 1.0) adds its <c>authorizer</c> context.
    /// </summary>
    public ProxyRequestV1 RestApiRequest(bool httpApi = false, ApiAuthorizer authorizer = ApiAuthorizer.None)
    {
        var apiId = state.Faker.Random.String2(10, "abcdefghijklmnopqrstuvwxyz0123456789");
        var id = state.Faker.Random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
        var path = $"/orders/{id}";
        var stage = httpApi ? "$default" : "prod";
        var userAgent = state.Faker.Internet.UserAgent();
        var sourceIp = state.Faker.Internet.Ip();
        var headers = new Dictionary<string, string>
        {
            ["Accept"] = "application/json",
            ["Host"] = $"{apiId}.execute-api.{Ids.Region}.amazonaws.com",
            ["User-Agent"] = userAgent,
        };
        var time = state.Tick();
        var context = new ProxyRequestContextV1(Ids.AccountId, apiId, httpApi ? null : state.Faker.Random.String2(6, "abcdefghijklmnopqrstuvwxyz0123456789"),
            ProxyRequestContextV1.DomainOf(apiId, Ids.Region), apiId, Ids.Base64(10).TrimEnd('=') + "=", "GET", new ProxyRequestIdentity(sourceIp, userAgent),
            httpApi ? path : $"/{stage}{path}", "HTTP/1.1", Ids.Uuid(), ProxyRequestContextV1.FormatTime(time), time.ToUnixTimeMilliseconds(),
            httpApi ? null : state.Faker.Random.String2(6, "abcdefghijklmnopqrstuvwxyz0123456789"), "/orders/{id}", stage)
        {
            Authorizer = authorizers.PayloadV1(authorizer, httpApi),
        };
        return new ProxyRequestV1(httpApi ? "1.0" : null, "/orders/{id}", path, "GET", headers,
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value]),
            new Dictionary<string, string> { ["verbose"] = "1" },
            new Dictionary<string, IReadOnlyList<string>> { ["verbose"] = ["1"] },
            new Dictionary<string, string> { ["id"] = id }, null, context, null, false);
    }

    /// <summary>An HTTP API payload 2.0 request with a repeated query parameter and a cookie; an <paramref name="authorizer"/> (JWT, Lambda or IAM) adds its part.</summary>
    public HttpApiRequestV2 HttpApiRequest(ApiAuthorizer authorizer = ApiAuthorizer.None)
    {
        var apiId = state.Faker.Random.String2(10, "abcdefghijklmnopqrstuvwxyz0123456789");
        var id = state.Faker.Random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
        var domain = $"{apiId}.execute-api.{Ids.Region}.amazonaws.com";
        var time = state.Tick();
        var userAgent = state.Faker.Internet.UserAgent();
        return new HttpApiRequestV2("2.0", "GET /orders/{id}", $"/orders/{id}", "tag=a&tag=b",
            [$"session={Ids.Hex(16)}"],
            new Dictionary<string, string> { ["accept"] = "application/json", ["host"] = domain, ["user-agent"] = userAgent },
            new Dictionary<string, string> { ["tag"] = "a,b" },
            new Dictionary<string, string> { ["id"] = id },
            new HttpApiRequestContextV2(Ids.AccountId, apiId, domain, apiId,
                new HttpApiHttpDescription("GET", $"/orders/{id}", "HTTP/1.1", state.Faker.Internet.Ip(), userAgent),
                state.Faker.Random.String2(14, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "=",
                "GET /orders/{id}", "$default", time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                time.ToUnixTimeMilliseconds()) { Authorizer = authorizers.PayloadV2(authorizer) },
            null, false);
    }

    public ProxyResponseV1 ProxyResponse() => new(200,
        new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        new Dictionary<string, IReadOnlyList<string>> { ["Set-Cookie"] = ["a=1", "b=2"] },
        GenerationState.JsonBody(new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999), ["status"] = "accepted" }), false);

    public HttpApiResponseV2 HttpApiResponse() => new([$"session={Ids.Hex(16)}; Secure"], false, 201,
        new Dictionary<string, string> { ["content-type"] = "application/json" },
        GenerationState.JsonBody(new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999) }));

    // ---- EventBridge -----------------------------------------------------------------------------

    /// <summary>The event a scheduled rule (<c>rate(...)</c> or <c>cron(...)</c>) sends.</summary>
    public EventBridgeEvent ScheduledEvent(string? rule = null) => new("0", Ids.Uuid(), "Scheduled Event", "aws.events", Ids.AccountId,
        AwsIdentity.IsoSeconds(state.Tick()), Ids.Region, [Ids.RuleArn(rule ?? state.Name("every-5-minutes"))], new JsonObject());
}
