using System.Text.Json.Serialization;

namespace Conformance.Events.Lambda;

/// <summary>
/// The error document Lambda returns as the payload of a failed invocation (with
/// <c>X-Amz-Function-Error</c>): <c>{"errorType": ..., "errorMessage": ..., "stackTrace": [...]}</c>.
/// Source: https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html; https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
/// </summary>
public sealed record InvokeErrorDocument(
    string ErrorType,
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? StackTrace = null) : EventShape
{
    public string ToJson() => EventJson.Serialize(this);

    /// <summary>The document in <paramref name="json"/>, or null when it is not an error document.</summary>
    public static InvokeErrorDocument? Parse(string json)
    {
        try
        {
            var document = EventJson.Deserialize<InvokeErrorDocument>(json);
            return document.ErrorType is null && document.ErrorMessage is null ? null : document;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
