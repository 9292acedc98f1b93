using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// AWS's JSON 1.1 protocol, spoken by Kinesis and EventBridge: every operation is a POST to <c>/</c>
/// naming itself in <c>X-Amz-Target</c> (<paramref name="targetPrefix"/><c>.Operation</c>), with a JSON
/// body and a JSON answer; errors carry their type in <c>__type</c>.
/// </summary>
public sealed class AwsJsonProtocol(HttpClient http, string targetPrefix)
{
    public async Task<(ApiResult Result, JsonObject? Body)> CallAsync(string operation, JsonObject request, CancellationToken cancellation)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/");
        message.Headers.Add("X-Amz-Target", $"{targetPrefix}.{operation}");
        message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(message, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var result = AwsErrorBody.ToResult((int)response.StatusCode, response.Headers, body);
        return (result, result.Succeeded && body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null);
    }
}
