using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Events.ApiGateway;

namespace Conformance.Events.Generation;

/// <summary>
/// The <c>authorizer</c> part of an API Gateway request context, per authorizer and payload format:
/// - REST Lambda authorizer: <c>principalId</c>, <c>integrationLatency</c> and the context keys, every
///   context value a string (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html);
/// - REST Cognito user pool authorizer: the ID token's <c>claims</c>
///   (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html);
/// - HTTP API 1.0 JWT authorizer: <c>claims</c> and <c>scopes</c>, null when none (the 1.0 example of
///   https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html);
/// - HTTP API 2.0: <see cref="HttpApiAuthorizerV2"/>.
/// </summary>
internal sealed class ApiAuthorizers(GenerationState state)
{
    private AwsIdentity Ids => state.Ids;

    public JsonObject? PayloadV1(ApiAuthorizer authorizer, bool httpApi) => (authorizer, httpApi) switch
    {
        (ApiAuthorizer.None, _) => null,
        (ApiAuthorizer.Lambda, false) => LambdaContext(new JsonObject
        {
            ["principalId"] = "user-" + Ids.Hex(8),
            ["integrationLatency"] = state.Faker.Random.Int(1, 400),
        }),
        (ApiAuthorizer.Cognito, false) => new JsonObject { ["claims"] = ToJson(CognitoClaims()) },
        (ApiAuthorizer.Jwt, true) => new JsonObject { ["claims"] = ToJson(JwtClaims()), ["scopes"] = null },
        _ => throw new ArgumentException($"a {(httpApi ? "HTTP API 1.0" : "REST API")} request has no {authorizer} authorizer"),
    };

    public HttpApiAuthorizerV2? PayloadV2(ApiAuthorizer authorizer) => authorizer switch
    {
        ApiAuthorizer.None => null,
        ApiAuthorizer.Jwt => new HttpApiAuthorizerV2 { Jwt = new HttpApiJwtAuthorizer(JwtClaims(), ["orders/read"]) },
        ApiAuthorizer.Lambda => new HttpApiAuthorizerV2 { Lambda = LambdaContext(new JsonObject()) },
        ApiAuthorizer.Iam => new HttpApiAuthorizerV2 { Iam = IamCaller() },
        _ => throw new ArgumentException($"an HTTP API 2.0 request has no {authorizer} authorizer"),
    };

    private JsonObject LambdaContext(JsonObject into)
    {
        into["tenant"] = "tenant-" + state.Faker.Random.Int(1, 99).ToString(CultureInfo.InvariantCulture);
        into["role"] = state.Faker.PickRandom("reader", "writer", "admin");
        return into;
    }

    private Dictionary<string, string> CognitoClaims()
    {
        var (issued, pool) = (state.Now.ToUnixTimeSeconds(), $"{Ids.Region}_{state.Faker.Random.String2(9, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}");
        return new()
        {
            ["sub"] = Ids.Uuid(),
            ["email_verified"] = "true",
            ["iss"] = $"https://cognito-idp.{Ids.Region}.amazonaws.com/{pool}",
            ["cognito:username"] = state.Faker.Internet.UserName().ToLowerInvariant(),
            ["aud"] = state.Faker.Random.String2(26, "abcdefghijklmnopqrstuvwxyz0123456789"),
            ["token_use"] = "id",
            ["auth_time"] = issued.ToString(CultureInfo.InvariantCulture),
            ["exp"] = (issued + 3600).ToString(CultureInfo.InvariantCulture),
            ["iat"] = issued.ToString(CultureInfo.InvariantCulture),
            ["email"] = state.Faker.Internet.Email().ToLowerInvariant(),
        };
    }

    private Dictionary<string, string> JwtClaims()
    {
        var issued = state.Now.ToUnixTimeSeconds();
        return new()
        {
            ["sub"] = Ids.Uuid(),
            ["iss"] = "https://auth.example.com/",
            ["aud"] = "orders-api",
            ["scope"] = "orders/read",
            ["iat"] = issued.ToString(CultureInfo.InvariantCulture),
            ["exp"] = (issued + 3600).ToString(CultureInfo.InvariantCulture),
        };
    }

    private HttpApiIamAuthorizer IamCaller()
    {
        var role = state.Name("caller-role");
        var session = "session-" + Ids.Hex(8);
        var roleId = Ids.PrincipalId("AROA");
        return new HttpApiIamAuthorizer(Ids.PrincipalId("ASIA"), Ids.AccountId, $"{roleId}:{session}", null, null,
            $"arn:aws:sts::{Ids.AccountId}:assumed-role/{role}/{session}", $"{roleId}:{session}");
    }

    private static JsonObject ToJson(Dictionary<string, string> claims) => new(claims.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
}
