using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Engine.Push;

/// <summary>
/// How API Gateway turns a proxy integration's function response into the HTTP response, or finds it
/// malformed (null here; the caller answers the error). Payload 1.0 (REST APIs, and HTTP APIs with
/// payload 1.0), as recorded on AWS for a REST API (localstack/localstack
/// tests/aws/services/apigateway/test_apigateway_lambda.snapshot.json at 8b9a79f0,
/// test_aws_proxy_response_payload_format_validation, recorded 2024-11-15):
/// <list type="bullet">
/// <item>only <c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>, <c>body</c> and <c>isBase64Encoded</c> may appear; another key is malformed;</item>
/// <item><c>statusCode</c> is a number or a numeric string (<c>"201"</c> answers 201); without it the status is 200;</item>
/// <item><c>headers</c> values are scalars (<c>true</c> becomes <c>"true"</c>); <c>multiValueHeaders</c> values must be lists;
///   a name in both is merged, case-insensitively, the multi-value list first and its spelling kept;</item>
/// <item>without binary media types (the kit configures none) a REST API returns a base64 body as the base64 text;
///   an HTTP API decodes it (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</item>
/// </list>
/// Payload 2.0: explicit with <c>statusCode</c>, otherwise inferred as 200 <c>application/json</c> with the
/// returned JSON as body (same page).
/// </summary>
internal static class ProxyResponses
{
    private static readonly HashSet<string> Version1Keys = new(StringComparer.Ordinal) { "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded" };

    /// <summary>Maps a payload 1.0 response; null when it is malformed ("Malformed Lambda proxy response").</summary>
    /// <param name="payload">The function's response.</param>
    /// <param name="decodeBase64">Whether a body flagged <c>isBase64Encoded</c> is decoded (HTTP APIs) or passed on as text (REST APIs without binary media types).</param>
    public static HttpResponse? MapV1(string? payload, bool decodeBase64)
    {
        if (Parse(payload, out _) is not JsonObject response) return null;
        if (response.Any(p => !Version1Keys.Contains(p.Key))) return null;
        return Explicit(response, includeCookies: false, decodeBase64);
    }

    /// <summary>Maps a payload 2.0 response: explicit when it has <c>statusCode</c>, inferred otherwise.</summary>
    public static HttpResponse? MapV2(string? payload)
    {
        var node = Parse(payload, out var valid);
        if (!valid) return null;
        if (node is JsonObject response && response.ContainsKey("statusCode")) return Explicit(response, includeCookies: true, decodeBase64: true);
        return new HttpResponse(200, [new("Content-Type", "application/json")], payload ?? "");
    }

    private static HttpResponse? Explicit(JsonObject response, bool includeCookies, bool decodeBase64)
    {
        if (StatusCode(response["statusCode"]) is not { } statusCode) return null;
        if (Headers(response) is not { } headers) return null;
        if (includeCookies && response["cookies"] is JsonArray cookies)
            headers.AddRange(cookies.Select(c => new KeyValuePair<string, string>("Set-Cookie", c?.ToString() ?? "")));

        var body = "";
        if (response["body"] is JsonValue bodyValue)
        {
            if (!bodyValue.TryGetValue<string>(out var text)) return null;
            body = text;
            if (decodeBase64 && response["isBase64Encoded"] is JsonValue flag && flag.TryGetValue<bool>(out var encoded) && encoded)
            {
                try
                {
                    body = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }
        else if (response["body"] is not null) return null;
        return new HttpResponse(statusCode, headers, body);
    }

    /// <summary>A number, or a string holding one; absent means 200; anything else is malformed (null).</summary>
    private static int? StatusCode(JsonNode? node) => node switch
    {
        null => 200,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>headers and multiValueHeaders as one list: a name in both gets the multi-value list first, then the single value.</summary>
    private static List<KeyValuePair<string, string>>? Headers(JsonObject response)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (response["headers"] is JsonObject single)
            foreach (var (name, value) in single)
            {
                if (value is not JsonValue text) return null;
                headers.Add(new(name, text.ToString()));
            }
        else if (response["headers"] is not null) return null;
        if (response["multiValueHeaders"] is JsonObject multi)
            foreach (var (name, values) in multi)
            {
                if (values is not JsonArray array) return null;
                var also = headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
                headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
                headers.AddRange(array.Select(v => new KeyValuePair<string, string>(name, v?.ToString() ?? "")));
                headers.AddRange(also.Select(v => new KeyValuePair<string, string>(name, v)));
            }
        else if (response["multiValueHeaders"] is not null) return null;
        return headers;
    }

    public static JsonNode? Parse(string? payload, out bool valid)
    {
        valid = false;
        if (payload is null) return null;
        try
        {
            var node = JsonNode.Parse(payload);
            valid = true;
            return node;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
