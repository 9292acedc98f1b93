using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Events.ApiGateway;
using Conformance.Events.Batches;
using Conformance.Events.Destinations;
using Conformance.Events.EventBridge;
using Conformance.Events.Kinesis;
using Conformance.Events.Lambda;

namespace Conformance.Events.Generation;

/// <summary>API Gateway, EventBridge, responses and the records Lambda writes to destinations.</summary>
public sealed partial class EventGenerator
{
    // ---- API Gateway -----------------------------------------------------------------------------

    /// <summary>A REST API proxy request (payload 1.0); with <paramref name="httpApi"/>, the HTTP API 1.0 flavour.</summary>
    public ProxyRequestV1 RestApiRequest(bool httpApi = false)
    {
        var apiId = faker.Random.String2(10, "abcdefghijklmnopqrstuvwxyz0123456789");
        var id = faker.Random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
        var path = $"/orders/{id}";
        var stage = httpApi ? "$default" : "prod";
        var userAgent = faker.Internet.UserAgent();
        var sourceIp = faker.Internet.Ip();
        var headers = new Dictionary<string, string>
        {
            ["Accept"] = "application/json",
            ["Host"] = $"{apiId}.execute-api.{Ids.Region}.amazonaws.com",
            ["User-Agent"] = userAgent,
        };
        var time = Tick();
        var context = new ProxyRequestContextV1(Ids.AccountId, apiId, httpApi ? null : faker.Random.String2(6, "abcdefghijklmnopqrstuvwxyz0123456789"),
            "/orders/{id}", "GET", httpApi ? path : $"/{stage}{path}", stage, "HTTP/1.1", Ids.Uuid(), time.ToUnixTimeMilliseconds(),
            new ProxyRequestIdentity(sourceIp, userAgent));
        return new ProxyRequestV1(httpApi ? "1.0" : null, "/orders/{id}", path, "GET", headers,
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value]),
            new Dictionary<string, string> { ["verbose"] = "1" },
            new Dictionary<string, IReadOnlyList<string>> { ["verbose"] = ["1"] },
            new Dictionary<string, string> { ["id"] = id }, null, context, null, false);
    }

    /// <summary>An HTTP API payload 2.0 request with a repeated query parameter and a cookie.</summary>
    public HttpApiRequestV2 HttpApiRequest()
    {
        var apiId = faker.Random.String2(10, "abcdefghijklmnopqrstuvwxyz0123456789");
        var id = faker.Random.Int(1, 999).ToString(CultureInfo.InvariantCulture);
        var domain = $"{apiId}.execute-api.{Ids.Region}.amazonaws.com";
        var time = Tick();
        var userAgent = faker.Internet.UserAgent();
        return new HttpApiRequestV2("2.0", "GET /orders/{id}", $"/orders/{id}", "tag=a&tag=b",
            [$"session={Ids.Hex(16)}"],
            new Dictionary<string, string> { ["accept"] = "application/json", ["host"] = domain, ["user-agent"] = userAgent },
            new Dictionary<string, string> { ["tag"] = "a,b" },
            new Dictionary<string, string> { ["id"] = id },
            new HttpApiRequestContextV2(Ids.AccountId, apiId, domain, apiId,
                new HttpApiHttpDescription("GET", $"/orders/{id}", "HTTP/1.1", faker.Internet.Ip(), userAgent),
                faker.Random.String2(14, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "=",
                "GET /orders/{id}", "$default", time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                time.ToUnixTimeMilliseconds()),
            null, false);
    }

    public ProxyResponseV1 ProxyResponse() => new(200,
        new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        new Dictionary<string, IReadOnlyList<string>> { ["Set-Cookie"] = ["a=1", "b=2"] },
        JsonSerializerBody(new JsonObject { ["orderId"] = faker.Random.Int(1, 99999), ["status"] = "accepted" }), false);

    public HttpApiResponseV2 HttpApiResponse() => new([$"session={Ids.Hex(16)}; Secure"], false, 201,
        new Dictionary<string, string> { ["content-type"] = "application/json" },
        JsonSerializerBody(new JsonObject { ["orderId"] = faker.Random.Int(1, 99999) }));

    // ---- EventBridge -----------------------------------------------------------------------------

    /// <summary>The event a scheduled rule (<c>rate(...)</c> or <c>cron(...)</c>) sends.</summary>
    public EventBridgeEvent ScheduledEvent(string? rule = null) => new("0", Ids.Uuid(), "Scheduled Event", "aws.events", Ids.AccountId,
        AwsIdentity.IsoSeconds(Tick()), Ids.Region, [Ids.RuleArn(rule ?? Name("every-5-minutes"))], new JsonObject());

    // ---- Responses and records -------------------------------------------------------------------

    public BatchItemFailuresResponse BatchItemFailures(params string[] identifiers) =>
        new(identifiers.Select(i => new BatchItemFailure(i)).ToList());

    public InvokeErrorDocument InvokeError() =>
        new("Error", faker.Hacker.Phrase(), [$"Error: {faker.Hacker.Verb()} failed", "    at Runtime.handler (file:///var/task/index.mjs:3:9)"]);

    /// <summary>The record of an async invocation for a destination: <c>Success</c>, <c>RetriesExhausted</c> or <c>EventAgeExceeded</c>.</summary>
    public AsyncInvocationRecord AsyncRecord(string condition = "RetriesExhausted")
    {
        var function = Name("function");
        var success = condition == "Success";
        var attempts = success ? 1 : condition == "RetriesExhausted" ? 3 : 2;
        var error = InvokeError();
        return new AsyncInvocationRecord("1.0", AwsIdentity.Iso(Tick(180_000)),
            new AsyncRequestContext(Ids.Uuid(), Ids.FunctionArn(function, "$LATEST"), condition, attempts),
            new JsonObject { ["orderId"] = faker.Random.Int(1, 99999) },
            new AsyncResponseContext(200, "$LATEST", success ? null : "Unhandled"),
            success ? new JsonObject { ["status"] = "accepted" } : JsonNode.Parse(error.ToJson()));
    }

    /// <summary>The EventBridge event that carries an async destination record.</summary>
    public EventBridgeEvent AsyncRecordOnEventBridge(AsyncInvocationRecord record, string busName = "default") =>
        new("0", Ids.Uuid(),
            record.RequestContext.Condition == "Success" ? "Lambda Function Invocation Result - Success" : "Lambda Function Invocation Result - Failure",
            "lambda", Ids.AccountId, AwsIdentity.IsoSeconds(Tick()), Ids.Region,
            [record.RequestContext.FunctionArn, Ids.EventBusArn(busName)],
            JsonNode.Parse(EventJson.Serialize(record))!);

    /// <summary>An async event in a dead-letter queue: the event as the body, the error in the attributes.</summary>
    public DeadLetterMessage DeadLetter()
    {
        var error = InvokeError().ToJson();
        var message = error.Length > DeadLetterMessage.ErrorMessageLimit ? error[..DeadLetterMessage.ErrorMessageLimit] : error;
        return new DeadLetterMessage(JsonSerializerBody(new JsonObject { ["orderId"] = faker.Random.Int(1, 99999) }),
            new DeadLetterAttributes(new("String", Ids.Uuid()), new("Number", "200"), new("String", message)));
    }

    /// <summary>The on-failure record of a stream mapping for <paramref name="batch"/>; with <paramref name="forS3"/> the event goes in <c>payload</c>.</summary>
    public StreamFailureRecord KinesisFailureRecord(KinesisEvent batch, bool forS3 = false)
    {
        var first = batch.Records[0];
        var last = batch.Records[^1];
        var info = new StreamBatchInfo(first.EventId.Split(':')[0], first.Kinesis.SequenceNumber, last.Kinesis.SequenceNumber,
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeMilliseconds((long)(first.Kinesis.ApproximateArrivalTimestamp * 1000))),
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeMilliseconds((long)(last.Kinesis.ApproximateArrivalTimestamp * 1000))),
            batch.Records.Count, first.EventSourceArn);
        return new StreamFailureRecord(
            new StreamFailureRequestContext(Ids.Uuid(), Ids.FunctionArn(Name("function")), "RetryAttemptsExhausted", 1),
            new AsyncResponseContext(200, "$LATEST", "Unhandled"), "1.0", AwsIdentity.Iso(Tick()), info, null,
            forS3 ? EventJson.Serialize(batch) : null);
    }

    /// <summary>The on-failure record of a DynamoDB Streams mapping (<c>DDBStreamBatchInfo</c>).</summary>
    public StreamFailureRecord DynamoDbFailureRecord(DynamoDb.DynamoDbStreamEvent batch)
    {
        var first = batch.Records[0];
        var last = batch.Records[^1];
        var info = new StreamBatchInfo($"shardId-{faker.Random.ReplaceNumbers("#############")}-{Ids.Hex(8)}",
            first.DynamoDb.SequenceNumber, last.DynamoDb.SequenceNumber,
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeSeconds(first.DynamoDb.ApproximateCreationDateTime)),
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeSeconds(last.DynamoDb.ApproximateCreationDateTime)),
            batch.Records.Count, first.EventSourceArn);
        return new StreamFailureRecord(
            new StreamFailureRequestContext(Ids.Uuid(), Ids.FunctionArn(Name("function")), "RetryAttemptsExhausted", 1),
            new AsyncResponseContext(200, "$LATEST", "Unhandled"), "1.0", AwsIdentity.Iso(Tick()), null, info);
    }
}
