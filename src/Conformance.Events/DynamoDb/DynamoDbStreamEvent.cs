using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.DynamoDb;

/// <summary>
/// A batch of DynamoDB stream records (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). Items use DynamoDB attribute JSON
/// (<c>{"S": ...}</c>, <c>{"N": ...}</c>, ...); which images are present depends on the view type and the event.
/// </summary>
public sealed record DynamoDbStreamEvent([property: JsonPropertyName("Records")] IReadOnlyList<DynamoDbStreamRecord> Records) : EventShape;

public sealed record DynamoDbStreamRecord(
    [property: JsonPropertyName("eventID")] string EventId,
    string EventName,
    string EventVersion,
    string EventSource,
    string AwsRegion,
    [property: JsonPropertyName("dynamodb")] DynamoDbChange DynamoDb,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn) : EventShape
{
    /// <summary>
    /// Only on a <c>REMOVE</c> made by Time to Live: <c>{"type": "Service", "principalId": "dynamodb.amazonaws.com"}</c>
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DynamoDbUserIdentity? UserIdentity { get; init; }
}

/// <summary>Who made a stream record's change, given only for deletions by Time to Live.</summary>
public sealed record DynamoDbUserIdentity(string Type, string PrincipalId) : EventShape
{
    public static readonly DynamoDbUserIdentity TimeToLive = new("Service", "dynamodb.amazonaws.com");
}

public sealed record DynamoDbChange(
    [property: JsonPropertyName("ApproximateCreationDateTime")] long ApproximateCreationDateTime,
    [property: JsonPropertyName("Keys")] JsonObject Keys,
    [property: JsonPropertyName("NewImage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? NewImage,
    [property: JsonPropertyName("OldImage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? OldImage,
    [property: JsonPropertyName("SequenceNumber")] string SequenceNumber,
    [property: JsonPropertyName("SizeBytes")] long SizeBytes,
    [property: JsonPropertyName("StreamViewType")] string StreamViewType) : EventShape;

/// <summary>Builds DynamoDB attribute JSON values.</summary>
public static class AttributeValue
{
    public static JsonObject S(string value) => new() { ["S"] = value };
    public static JsonObject N(string value) => new() { ["N"] = value };
    public static JsonObject Bool(bool value) => new() { ["BOOL"] = value };
    public static JsonObject Null() => new() { ["NULL"] = true };
    public static JsonObject SS(params string[] values) => new() { ["SS"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };
    public static JsonObject L(params JsonObject[] values) => new() { ["L"] = new JsonArray(values.Cast<JsonNode>().ToArray()) };
    public static JsonObject M(JsonObject members) => new() { ["M"] = members };
}
