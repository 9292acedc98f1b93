using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>Reads AWS's JSON error answers: the type from <c>x-amzn-ErrorType</c> or <c>__type</c>/<c>Type</c>, the message from <c>message</c>/<c>Message</c>.</summary>
public static class AwsErrorBody
{
    public static ApiResult ToResult(int status, HttpResponseHeaders headers, string body)
    {
        if (status is >= 200 and < 300) return new ApiResult(status);
        var (type, message, _) = Read(headers, body);
        return new ApiResult(status, type, message);
    }

    public static (string Type, string Message, string? Reason) Read(HttpResponseHeaders headers, string body)
    {
        var json = Parse(body);
        var type = headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First()
            : json?["__type"]?.ToString() ?? json?["Type"]?.ToString() ?? "UnknownError";
        type = type.Split(':')[0];
        if (type.Contains('#')) type = type[(type.LastIndexOf('#') + 1)..];
        var message = json?["message"]?.ToString() ?? json?["Message"]?.ToString() ?? body;
        return (type, message, json?["Reason"]?.ToString());
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
