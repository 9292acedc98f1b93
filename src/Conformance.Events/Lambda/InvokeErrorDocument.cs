using System.Text.Json.Serialization;

namespace Conformance.Events.Lambda;

/// <summary>
/// The error document Lambda returns as the payload of a failed invocation (with
/// <c>X-Amz-Function-Error</c>), as the Node.js runtime (the probe's) writes it:
/// <c>{"errorType": ..., "errorMessage": ..., "trace": [...]}</c> (recorded: localstack/localstack at 8b9a79f0,
/// test_lambda_common.snapshot.json, test_uncaught_exception_invoke[nodejs20.x], 2026-01-12; Python's names
/// it <c>stackTrace</c> and adds <c>requestId</c>). Lambda's own errors (a timeout, an oversized response) have no trace.
/// Source: https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html; https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
/// </summary>
public sealed record InvokeErrorDocument(
    string ErrorType,
    string ErrorMessage,
    [property: JsonPropertyName("trace"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Trace = null) : EventShape
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
