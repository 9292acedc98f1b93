using System.Text.Json.Serialization;

namespace Conformance.Events.Sqs;

/// <summary>
/// A batch of SQS messages as Lambda's poller delivers it (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). Every attribute value is a string.
/// </summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records) : EventShape;

public sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    SqsMessageSystemAttributes Attributes,
    IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes,
    string Md5OfBody,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Md5OfMessageAttributes,
    string EventSource,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn,
    string AwsRegion) : EventShape;

/// <summary>The system attributes; the last three appear on FIFO queues only.</summary>
public sealed record SqsMessageSystemAttributes(
    [property: JsonPropertyName("ApproximateReceiveCount")] string ApproximateReceiveCount,
    [property: JsonPropertyName("SentTimestamp")] string SentTimestamp,
    [property: JsonPropertyName("SenderId")] string SenderId,
    [property: JsonPropertyName("ApproximateFirstReceiveTimestamp")] string ApproximateFirstReceiveTimestamp,
    [property: JsonPropertyName("SequenceNumber"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SequenceNumber = null,
    [property: JsonPropertyName("MessageGroupId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageGroupId = null,
    [property: JsonPropertyName("MessageDeduplicationId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageDeduplicationId = null) : EventShape;

/// <summary>A message attribute as Lambda delivers it (lists always present, usually empty).</summary>
public sealed record SqsMessageAttribute(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StringValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BinaryValue,
    IReadOnlyList<string> StringListValues,
    IReadOnlyList<string> BinaryListValues,
    string DataType) : EventShape;
