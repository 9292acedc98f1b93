using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// The Lambda API (REST-JSON, <c>/2015-03-31/...</c>) over an HTTP client: signed for AWS and
/// LocalStack, plain for the local emulator. Only the operations the kit uses.
/// </summary>
public sealed class LambdaApi(HttpClient http)
{
    public async Task<InvokeResponse> InvokeAsync(string functionName, InvokeRequest request, CancellationToken cancellation)
    {
        var path = $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations"
            + (request.Qualifier is { } qualifier ? $"?Qualifier={Uri.EscapeDataString(qualifier)}" : "");
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Payload)) };
        message.Headers.Add("X-Amz-Invocation-Type", request.Type.ToString());
        if (request.TailLog) message.Headers.Add("X-Amz-Log-Type", "Tail");
        using var response = await http.SendAsync(message, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var status = (int)response.StatusCode;
        var requestId = Header(response, "x-amzn-RequestId") ?? "";
        if (status >= 300)
        {
            var (type, errorMessage, reason) = AwsErrorBody.Read(response.Headers, body);
            return new InvokeResponse(status, requestId, body) { ErrorType = type, ThrottleReason = reason };
        }
        return new InvokeResponse(status, requestId, body.Length == 0 ? null : body)
        {
            FunctionError = Header(response, "X-Amz-Function-Error"),
            ExecutedVersion = Header(response, "X-Amz-Executed-Version"),
            LogResult = Header(response, "X-Amz-Log-Result"),
        };
    }

    private readonly AwsRestJsonProtocol protocol = new(http);

    /// <summary>A control-plane call: method, path and JSON body; returns the result and the answer's JSON.</summary>
    public Task<(ApiResult Result, JsonObject? Body)> CallAsync(HttpMethod method, string path, JsonObject? request, CancellationToken cancellation) =>
        protocol.CallAsync(method, path, request, cancellation);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
