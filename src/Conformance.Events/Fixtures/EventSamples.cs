using System.Text;
using System.Text.Json.Nodes;
using Conformance.Events.Generation;

namespace Conformance.Events.Fixtures;

/// <summary>
/// Sample events for a team's own handler tests, by source: the same generator as the fixtures and
/// the reference engine, so the same shapes; deterministic per seed. A body, when given, becomes every
/// record's SQS body, Kinesis data (base64) or the API request's body.
/// </summary>
public static class EventSamples
{
    /// <summary>The sources, each with what it makes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["sqs"] = "an SQS standard queue batch",
        ["sqs-fifo"] = "an SQS FIFO queue batch",
        ["sqs-traced"] = "an SQS standard queue batch whose sender was traced (AWSTraceHeader)",
        ["kinesis"] = "a Kinesis batch",
        ["dynamodb"] = "a DynamoDB Streams batch of INSERT records (NEW_AND_OLD_IMAGES)",
        ["kinesis-on-failure"] = "the record of a discarded Kinesis batch, as an SQS or SNS on-failure destination gets it",
        ["kinesis-on-failure-s3"] = "the record of a discarded Kinesis batch, as an S3 on-failure destination gets it (with the batch's event)",
        ["dynamodb-on-failure"] = "the record of a discarded DynamoDB Streams batch, as an SQS or SNS on-failure destination gets it",
        ["dynamodb-on-failure-s3"] = "the record of a discarded DynamoDB Streams batch, as an S3 on-failure destination gets it (with the batch's event)",
        ["s3"] = "S3 ObjectCreated:Put notifications",
        ["s3-lifecycle-expiration"] = "S3 LifecycleExpiration:Delete notifications",
        ["s3-lifecycle-transition"] = "S3 LifecycleTransition notifications (to GLACIER)",
        ["s3-intelligent-tiering"] = "S3 IntelligentTiering notifications (to ARCHIVE_ACCESS)",
        ["api-gateway-rest"] = "a REST API proxy request",
        ["api-gateway-http-v1"] = "an HTTP API payload 1.0 request",
        ["api-gateway-http-v2"] = "an HTTP API payload 2.0 request",
        ["api-gateway-rest-lambda-authorizer"] = "a REST API proxy request that a Lambda authorizer let through",
        ["api-gateway-rest-cognito-authorizer"] = "a REST API proxy request that a Cognito user pool authorizer let through",
        ["api-gateway-http-v1-jwt-authorizer"] = "an HTTP API payload 1.0 request that a JWT authorizer let through",
        ["api-gateway-http-v2-jwt-authorizer"] = "an HTTP API payload 2.0 request that a JWT authorizer let through",
        ["api-gateway-http-v2-lambda-authorizer"] = "an HTTP API payload 2.0 request that a Lambda authorizer let through",
        ["api-gateway-http-v2-iam-authorizer"] = "an HTTP API payload 2.0 request signed with IAM credentials",
        ["eventbridge-schedule"] = "an EventBridge scheduled event",
    };

    /// <summary>
    /// The event as JSON; <paramref name="count"/> records for batch sources (1 to 10,000), ignored by the
    /// others; in today's shapes unless <paramref name="eras"/> names an earlier one.
    /// </summary>
    public static string Generate(string source, int count, int seed, string? body = null, EventEras? eras = null)
    {
        if (!Sources.ContainsKey(source)) throw new ArgumentException($"unknown source '{source}' (known: {string.Join(", ", Sources.Keys)})");
        if (count is < 1 or > 10_000) throw new ArgumentException($"a count must be 1 to 10000, not {count}");
        var generator = new EventGenerator(seed, eras);
        object shape = source switch
        {
            "sqs" => generator.SqsBatch(count),
            "sqs-fifo" => generator.SqsBatch(count, fifo: true),
            "sqs-traced" => generator.SqsBatch(count, traced: true),
            "kinesis" => generator.KinesisBatch(count),
            "dynamodb" => generator.DynamoDbBatch("INSERT", count: count),
            "kinesis-on-failure" => generator.Records.KinesisFailureRecord(generator.KinesisBatch(count)),
            "kinesis-on-failure-s3" => generator.Records.KinesisFailureRecord(generator.KinesisBatch(count), forS3: true),
            "dynamodb-on-failure" => generator.Records.DynamoDbFailureRecord(generator.DynamoDbBatch("INSERT", count: count)),
            "dynamodb-on-failure-s3" => generator.Records.DynamoDbFailureRecord(generator.DynamoDbBatch("INSERT", count: count), forS3: true),
            "s3" => S3Batch(count, () => generator.S3.ObjectCreated()),
            "s3-lifecycle-expiration" => S3Batch(count, () => generator.S3.LifecycleExpiration()),
            "s3-lifecycle-transition" => S3Batch(count, () => generator.S3.LifecycleTransition()),
            "s3-intelligent-tiering" => S3Batch(count, () => generator.S3.IntelligentTiering()),
            "api-gateway-rest" => generator.Push.RestApiRequest(),
            "api-gateway-http-v1" => generator.Push.RestApiRequest(httpApi: true),
            "api-gateway-http-v2" => generator.Push.HttpApiRequest(),
            "api-gateway-rest-lambda-authorizer" => generator.Push.RestApiRequest(authorizer: ApiGateway.ApiAuthorizer.Lambda),
            "api-gateway-rest-cognito-authorizer" => generator.Push.RestApiRequest(authorizer: ApiGateway.ApiAuthorizer.Cognito),
            "api-gateway-http-v1-jwt-authorizer" => generator.Push.RestApiRequest(httpApi: true, ApiGateway.ApiAuthorizer.Jwt),
            "api-gateway-http-v2-jwt-authorizer" => generator.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Jwt),
            "api-gateway-http-v2-lambda-authorizer" => generator.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Lambda),
            "api-gateway-http-v2-iam-authorizer" => generator.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Iam),
            _ => generator.Push.ScheduledEvent(),
        };
        var json = EventJson.ToNode(shape);
        if (body is not null) WithBody(json, body);
        return json.ToJsonString(EventJson.Indented);
    }

    private static S3.S3Event S3Batch(int count, Func<S3.S3Event> one) => new([.. Enumerable.Range(0, count).SelectMany(_ => one().Records)]);

    private static void WithBody(JsonNode json, string body)
    {
        if (json["payload"] is JsonObject carried) json = carried; // an on-failure record for S3: the event it carries
        if (json["Records"] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                if (record.ContainsKey("body"))
                {
                    record["body"] = body;
                    record["md5OfBody"] = AwsIdentity.Md5Hex(body);
                }
                else if (record["kinesis"] is JsonObject kinesis) kinesis["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            }
            return;
        }
        if (json is JsonObject request && request.ContainsKey("isBase64Encoded")) request["body"] = body;
    }
}
