using System.Text.Json.Nodes;

namespace Conformance.Events.Validation;

/// <summary>The event shapes by name, and how to recognise a shape from its JSON.</summary>
public static class EventKinds
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["s3"] = typeof(S3.S3Event),
        ["sqs"] = typeof(Sqs.SqsEvent),
        ["kinesis"] = typeof(Kinesis.KinesisEvent),
        ["dynamodb"] = typeof(DynamoDb.DynamoDbStreamEvent),
        ["api-gateway-v1"] = typeof(ApiGateway.ProxyRequestV1),
        ["api-gateway-response-v1"] = typeof(ApiGateway.ProxyResponseV1),
        ["http-api-v2"] = typeof(ApiGateway.HttpApiRequestV2),
        ["http-api-response-v2"] = typeof(ApiGateway.HttpApiResponseV2),
        ["eventbridge"] = typeof(EventBridge.EventBridgeEvent),
        ["batch-response"] = typeof(Batches.BatchItemFailuresResponse),
        ["destination-record"] = typeof(Destinations.AsyncInvocationRecord),
        ["stream-failure-record"] = typeof(Destinations.StreamFailureRecord),
        ["dead-letter"] = typeof(Destinations.DeadLetterMessage),
        ["invoke-error"] = typeof(Lambda.InvokeErrorDocument),
    };

    /// <summary>The kind of event <paramref name="json"/> is, or null when nothing identifies it.</summary>
    public static string? Detect(JsonNode? json)
    {
        if (json is not JsonObject obj) return null;
        if (obj["Records"] is JsonArray { Count: > 0 } records)
        {
            var source = records[0]?["eventSource"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)records[0]!["eventSource"] : null;
            return source switch
            {
                "aws:s3" => "s3",
                "aws:sqs" => "sqs",
                "aws:kinesis" => "kinesis",
                "aws:dynamodb" => "dynamodb",
                _ => null,
            };
        }
        if (obj.ContainsKey("detail-type")) return "eventbridge";
        if (obj.ContainsKey("routeKey") && obj.ContainsKey("rawPath")) return "http-api-v2";
        if (obj.ContainsKey("httpMethod") && obj.ContainsKey("resource")) return "api-gateway-v1";
        if (obj.ContainsKey("statusCode")) return obj.ContainsKey("multiValueHeaders") ? "api-gateway-response-v1" : "http-api-response-v2";
        if (obj.ContainsKey("batchItemFailures")) return "batch-response";
        if (obj.ContainsKey("KinesisBatchInfo") || obj.ContainsKey("DDBStreamBatchInfo")) return "stream-failure-record";
        if (obj["requestContext"]?["condition"] is not null) return "destination-record";
        if (obj.ContainsKey("Body") && obj.ContainsKey("MessageAttributes")) return "dead-letter";
        if (obj.ContainsKey("errorType") || obj.ContainsKey("errorMessage")) return "invoke-error";
        return null;
    }
}
