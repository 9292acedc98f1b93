using System.Text.Json.Serialization;

namespace Conformance.Events.Kinesis;

/// <summary>
/// A batch of Kinesis records from one shard (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html). <c>data</c> is base64;
/// <c>approximateArrivalTimestamp</c> is epoch seconds with a fraction.
/// </summary>
public sealed record KinesisEvent([property: JsonPropertyName("Records")] IReadOnlyList<KinesisEventRecord> Records) : EventShape;

public sealed record KinesisEventRecord(
    KinesisData Kinesis,
    string EventSource,
    string EventVersion,
    [property: JsonPropertyName("eventID")] string EventId,
    string EventName,
    string InvokeIdentityArn,
    string AwsRegion,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn) : EventShape;

public sealed record KinesisData(
    string KinesisSchemaVersion,
    string PartitionKey,
    string SequenceNumber,
    string Data,
    double ApproximateArrivalTimestamp) : EventShape;
