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

public sealed record ProxyRequestContextV1(
    string AccountId,
    string ApiId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceId,
    string ResourcePath,
    string HttpMethod,
    string Path,
    string Stage,
    string Protocol,
    string RequestId,
    long RequestTimeEpoch,
    ProxyRequestIdentity Identity) : EventShape;

public sealed record ProxyRequestIdentity(string SourceIp, string UserAgent) : EventShape;

/// <summary>A payload format 1.0 proxy response (REST APIs, HTTP API 1.0).</summary>
public sealed record ProxyResponseV1(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MultiValueHeaders,
    string Body,
    bool IsBase64Encoded) : EventShape;
