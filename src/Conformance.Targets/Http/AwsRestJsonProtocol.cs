using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// AWS's REST-JSON protocol, spoken by Lambda and API Gateway: the operation is the method and the path,
/// the request and the answer are JSON, and an error names its type in <c>x-amzn-ErrorType</c> or the body.
/// Every call asks for <c>application/json</c>: without it API Gateway's REST API answers in HAL
/// (<c>application/hal+json</c>, lists under <c>_embedded</c>), as the SDKs' own reports show
/// (aws/aws-sdk-cpp#573).
/// </summary>
public sealed class AwsRestJsonProtocol(HttpClient http)
{
    /// <summary>A control-plane call: method, path and JSON body; returns the result and the answer's JSON.</summary>
    public async Task<(ApiResult Result, JsonObject? Body)> CallAsync(HttpMethod method, string path, JsonObject? request, CancellationToken cancellation)
    {
        using var message = new HttpRequestMessage(method, path);
        message.Headers.Accept.ParseAdd("application/json");
        if (request is not null) message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(message, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var result = AwsErrorBody.ToResult((int)response.StatusCode, response.Headers, body);
        return (result, result.Succeeded && body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null);
    }
}
