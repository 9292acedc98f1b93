using System.Text.Json.Serialization;

namespace Conformance.Events.Destinations;

/// <summary>
/// An async event in a dead-letter queue, as a consumer of the queue sees it: the original event as the
/// body, and the attributes <c>RequestID</c>, <c>ErrorCode</c> and <c>ErrorMessage</c> (first 1 KB)
/// (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html; https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
/// </summary>
public sealed record DeadLetterMessage(
    [property: JsonPropertyName("Body")] string Body,
    [property: JsonPropertyName("MessageAttributes")] DeadLetterAttributes MessageAttributes) : EventShape
{
    public const int ErrorMessageLimit = 1024;
}

public sealed record DeadLetterAttributes(
    [property: JsonPropertyName("RequestID")] DeadLetterAttribute RequestId,
    [property: JsonPropertyName("ErrorCode")] DeadLetterAttribute ErrorCode,
    [property: JsonPropertyName("ErrorMessage")] DeadLetterAttribute ErrorMessage) : EventShape;

public sealed record DeadLetterAttribute(
    [property: JsonPropertyName("DataType")] string DataType,
    [property: JsonPropertyName("StringValue")] string StringValue) : EventShape;
