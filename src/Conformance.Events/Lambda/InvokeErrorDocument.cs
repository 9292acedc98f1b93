using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Events.Lambda;

/// <summary>
/// The error document Lambda returns as the payload of a failed invocation (with
/// <c>X-Amz-Function-Error</c>): <c>{"errorType": ..., "errorMessage": ..., "stackTrace": [...]}</c>.
/// Source: lambda-semantics.md §2; https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
/// </summary>
public sealed record InvokeErrorDocument(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string>? StackTrace = null)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, EventJson.Options);

    public static InvokeErrorDocument? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InvokeErrorDocument>(json, EventJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
