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

/// <summary>
/// The system attributes. SequenceNumber, MessageGroupId and MessageDeduplicationId appear on FIFO queues
/// only; AWSTraceHeader when the sender was traced (its <c>X-Amzn-Trace-Id</c> header or the message system
/// attribute); DeadLetterQueueSourceArn on a message a redrive moved into a dead-letter queue. Both are
/// recorded on AWS as SQS keeps them: localstack/localstack at 8b9a79f0, tests/aws/services/sqs/test_sqs.snapshot.json,
/// test_aws_trace_header_propagation[sqs] (recorded 2025-06-27) and test_dead_letter_queue_message_attributes
/// (recorded 2024-04-30).
/// </summary>
public sealed record SqsMessageSystemAttributes(
    [property: JsonPropertyName("ApproximateReceiveCount")] string ApproximateReceiveCount,
    [property: JsonPropertyName("SentTimestamp")] string SentTimestamp,
    [property: JsonPropertyName("SenderId")] string SenderId,
    [property: JsonPropertyName("ApproximateFirstReceiveTimestamp")] string ApproximateFirstReceiveTimestamp,
    [property: JsonPropertyName("SequenceNumber"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SequenceNumber = null,
    [property: JsonPropertyName("MessageGroupId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageGroupId = null,
    [property: JsonPropertyName("MessageDeduplicationId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageDeduplicationId = null,
    [property: JsonPropertyName("AWSTraceHeader"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AwsTraceHeader = null,
    [property: JsonPropertyName("DeadLetterQueueSourceArn"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeadLetterQueueSourceArn = null) : EventShape;

/// <summary>A message attribute as Lambda delivers it (lists always present, usually empty).</summary>
public sealed record SqsMessageAttribute(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StringValue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BinaryValue,
    IReadOnlyList<string> StringListValues,
    IReadOnlyList<string> BinaryListValues,
    string DataType) : EventShape;
