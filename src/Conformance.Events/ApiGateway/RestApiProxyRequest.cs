using System.Text.Json.Serialization;

namespace Conformance.Events.ApiGateway;

/// <summary>
/// The payload format 1.0 request of an API Gateway proxy integration: REST APIs, and HTTP APIs with
/// <c>payloadFormatVersion</c> 1.0 (which add <c>"version": "1.0"</c>). Absent maps are <c>null</c>,
/// never <c>{}</c> (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html;
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
/// </summary>
public sealed record ProxyRequestV1(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Version,
    string Resource,
    string Path,
    string HttpMethod,
    IReadOnlyDictionary<string, string>? Headers,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders,
    IReadOnlyDictionary<string, string>? QueryStringParameters,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueQueryStringParameters,
    IReadOnlyDictionary<string, string>? PathParameters,
    IReadOnlyDictionary<string, string>? StageVariables,
    ProxyRequestContextV1 RequestContext,
    string? Body,
    bool IsBase64Encoded) : EventShape;

/// <summary>
/// The request context of a payload 1.0 request, with the fields recorded on AWS for REST APIs
/// (localstack/localstack at 8b9a79f0, test_apigateway_lambda.snapshot.json, test_lambda_aws_proxy_integration,
/// recorded 2024-08-02) and printed for HTTP APIs (http-api-develop-integrations-lambda.html): a REST API
/// adds its <c>deploymentId</c>; an HTTP API's <c>resourceId</c> is null. <see cref="Authorizer"/> is there only
/// when an authorizer ran (see <see cref="ApiAuthorizer"/>).
/// </summary>
public sealed record ProxyRequestContextV1(
    string AccountId,
    string ApiId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeploymentId,
    string DomainName,
    string DomainPrefix,
    string ExtendedRequestId,
    string HttpMethod,
    ProxyRequestIdentity Identity,
    string Path,
    string Protocol,
    string RequestId,
    string RequestTime,
    long RequestTimeEpoch,
    string? ResourceId,
    string ResourcePath,
    string Stage) : EventShape
{
    /// <summary>
    /// A REST Lambda authorizer's <c>principalId</c>, <c>integrationLatency</c> (ms) and context keys (strings);
    /// a Cognito authorizer's <c>claims</c>; an HTTP API 1.0 JWT authorizer's <c>claims</c> and <c>scopes</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public System.Text.Json.Nodes.JsonObject? Authorizer { get; init; }

    /// <summary>The <c>requestTime</c> format, e.g. <c>04/Mar/2020:19:15:17 +0000</c>.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The API's default domain: <c>{apiId}.execute-api.{region}.amazonaws.com</c>.</summary>
    public static string DomainOf(string apiId, string region) => $"{apiId}.execute-api.{region}.amazonaws.com";
}

/// <summary>
/// The caller's identity: without IAM or Cognito authorization every field but the source IP and the
/// user agent is null, and AWS sends them all (the same recording).
/// </summary>
public sealed record ProxyRequestIdentity(string SourceIp, string UserAgent) : EventShape
{
    public string? AccessKey { get; init; }
    public string? AccountId { get; init; }
    public string? Caller { get; init; }
    public string? CognitoAuthenticationProvider { get; init; }
    public string? CognitoAuthenticationType { get; init; }
    public string? CognitoIdentityId { get; init; }
    public string? CognitoIdentityPoolId { get; init; }
    public string? PrincipalOrgId { get; init; }
    public string? User { get; init; }
    public string? UserArn { get; init; }
}

/// <summary>A payload format 1.0 proxy response (REST APIs, HTTP API 1.0).</summary>
public sealed record ProxyResponseV1(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MultiValueHeaders,
    string Body,
    bool IsBase64Encoded) : EventShape;
