using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.ApiGateway;

/// <summary>
/// Who authorised a request, as API Gateway puts it in the request context. No authorizer, no
/// <c>authorizer</c> field: none is in the REST events recorded on AWS without one.
/// </summary>
public enum ApiAuthorizer
{
    None,

    /// <summary>A Lambda authorizer: REST APIs get its <c>principalId</c>, <c>integrationLatency</c> and context keys; HTTP API 2.0 gets the context as <c>lambda</c>.</summary>
    Lambda,

    /// <summary>A Cognito user pool authorizer of a REST API: the token's <c>claims</c>.</summary>
    Cognito,

    /// <summary>An HTTP API JWT authorizer: <c>claims</c> and <c>scopes</c> (inside <c>jwt</c> in payload 2.0).</summary>
    Jwt,

    /// <summary>IAM authorization of an HTTP API (payload 2.0): the caller in <c>iam</c>.</summary>
    Iam,
}

/// <summary>
/// The <c>authorizer</c> of a payload 2.0 request context: one of <c>jwt</c>, <c>lambda</c> or <c>iam</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, the 2.0 example;
/// the IAM form as AWS's Powertools parser describes it:
/// https://docs.aws.amazon.com/powertools/typescript/2.14.0/api/types/_aws-lambda-powertools_parser.types.APIGatewayRequestContextV2.html).
/// </summary>
public sealed record HttpApiAuthorizerV2 : EventShape
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HttpApiJwtAuthorizer? Jwt { get; init; }

    /// <summary>The context the Lambda authorizer returned, as it returned it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonObject? Lambda { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HttpApiIamAuthorizer? Iam { get; init; }
}

/// <summary>A JWT authorizer's verdict: the token's claims (strings) and its scopes (null when the token has none).</summary>
public sealed record HttpApiJwtAuthorizer(IReadOnlyDictionary<string, string> Claims, IReadOnlyList<string>? Scopes) : EventShape;

/// <summary>The IAM caller of a request signed with SigV4; <c>cognitoIdentity</c> is null unless a Cognito identity pool signed it.</summary>
public sealed record HttpApiIamAuthorizer(
    string AccessKey,
    string AccountId,
    string CallerId,
    JsonObject? CognitoIdentity,
    string? PrincipalOrgId,
    string UserArn,
    string UserId) : EventShape;
