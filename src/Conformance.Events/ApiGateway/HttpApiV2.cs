using System.Text.Json.Serialization;

namespace Conformance.Events.ApiGateway;

/// <summary>
/// The payload format 2.0 request of an HTTP API: lower-case header names, duplicate headers and
/// query parameters comma-joined, cookies in their own array (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html;
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
/// </summary>
public sealed record HttpApiRequestV2(
    string Version,
    string RouteKey,
    string RawPath,
    string RawQueryString,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Cookies,
    IReadOnlyDictionary<string, string> Headers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? QueryStringParameters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? PathParameters,
    HttpApiRequestContextV2 RequestContext,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body,
    bool IsBase64Encoded) : EventShape;

public sealed record HttpApiRequestContextV2(
    string AccountId,
    string ApiId,
    string DomainName,
    string DomainPrefix,
    HttpApiHttpDescription Http,
    string RequestId,
    string RouteKey,
    string Stage,
    string Time,
    long TimeEpoch) : EventShape
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HttpApiAuthorizerV2? Authorizer { get; init; }
}

public sealed record HttpApiHttpDescription(string Method, string Path, string Protocol, string SourceIp, string UserAgent) : EventShape;

/// <summary>An HTTP API payload format 2.0 response in its explicit form (the function may also return any JSON, which is inferred).</summary>
public sealed record HttpApiResponseV2(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Cookies,
    bool IsBase64Encoded,
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    string Body) : EventShape;
