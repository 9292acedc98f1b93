using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.Destinations;

/// <summary>
/// The on-failure record of a Kinesis or DynamoDB Streams event source mapping (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html).
/// SQS and SNS destinations get the batch's metadata only; an S3 destination also gets the whole
/// original invocation event in <c>payload</c>, an object as recorded on AWS (localstack/localstack at 8b9a79f0,
/// test_lambda_integration_kinesis.snapshot.json, test_kinesis_event_source_mapping_with_s3_on_failure_destination, and
/// test_lambda_integration_dynamodbstreams.snapshot.json, test_dynamodb_event_source_mapping_with_s3_on_failure_destination,
/// both 2025-11-25). The recorder parses JSON held in strings, so a string on the wire cannot be ruled out; the engine
/// has a setting for that form. A batch discarded for its age has no
/// <c>responseContext</c> (recorded on AWS: localstack/localstack at 8b9a79f0,
/// test_lambda_integration_kinesis.snapshot.json, test_kinesis_maximum_record_age_exceeded, 2025-11-25).
/// </summary>
public sealed record StreamFailureRecord(
    StreamFailureRequestContext RequestContext,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AsyncResponseContext? ResponseContext,
    string Version,
    string Timestamp,
    [property: JsonPropertyName("KinesisBatchInfo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StreamBatchInfo? KinesisBatchInfo,
    [property: JsonPropertyName("DDBStreamBatchInfo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StreamBatchInfo? DynamoDbBatchInfo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Payload = null) : EventShape;

/// <summary><c>condition</c>: <c>RetryAttemptsExhausted</c> (documented) or <c>RecordAgeExceeded</c> (recorded on AWS).</summary>
public sealed record StreamFailureRequestContext(string RequestId, string FunctionArn, string Condition, int ApproximateInvokeCount) : EventShape;

public sealed record StreamBatchInfo(
    string ShardId,
    string StartSequenceNumber,
    string EndSequenceNumber,
    string ApproximateArrivalOfFirstRecord,
    string ApproximateArrivalOfLastRecord,
    int BatchSize,
    string StreamArn) : EventShape;
