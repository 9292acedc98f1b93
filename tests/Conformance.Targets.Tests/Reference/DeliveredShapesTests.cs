using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Events.Validation;
using Conformance.Targets.Reference;
using Conformance.Tests.Shared;

namespace Conformance.Targets.Tests.Reference;

/// <summary>
/// The events the reference engine delivers have the shape of the generated fixture of their kind,
/// path for path (the data-keyed maps aside), and every field AWS sends as recorded: the engine and the
/// generator build them from the same records.
/// </summary>
public sealed class DeliveredShapesTests
{
    /// <summary>Maps whose keys are data (headers, parameters, images, attributes of messages), compared as maps only.</summary>
    private static readonly string[] DataKeyed =
    [
        ".headers", ".multiValueHeaders", ".queryStringParameters", ".multiValueQueryStringParameters", ".pathParameters", ".stageVariables",
        ".messageAttributes", ".Keys", ".NewImage", ".OldImage", ".detail", ".cookies",
    ];

    private static async Task<ReferenceTarget> WithFunction()
    {
        var target = new ReferenceTarget();
        await target.CreateFunctionAsync(new FunctionSpec("fn", new FunctionBehaviour()));
        return target;
    }

    private static async Task<JsonNode> Delivered(ReferenceTarget target) => JsonNode.Parse((await target.GetInvocationsAsync("fn"))[0].Event)!;

    public static TheoryData<string> Kinds => ["sqs", "sqs-traced", "sqs-redriven", "kinesis", "dynamodb", "s3", "api-gateway-rest", "api-gateway-http-v1", "api-gateway-http-v2", "schedule"];

    [Theory, MemberData(nameof(Kinds))]
    public async Task A_delivered_event_has_the_fixture_s_paths_and_every_recorded_field(string kind)
    {
        await using var target = await WithFunction();
        var (delivered, fixture) = kind switch
        {
            "sqs" => (await Sqs(target), "sqs/sqs-standard-event.json"),
            "sqs-traced" => (await Sqs(target, traceHeader: "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1"), "sqs/sqs-traced-event.json"),
            "sqs-redriven" => (await SqsFromDeadLetterQueue(target), "sqs/sqs-dead-letter-queue-event.json"),
            "kinesis" => (await Kinesis(target), "kinesis/kinesis-event.json"),
            "dynamodb" => (await DynamoDb(target), "dynamodb/dynamodb-insert-event.json"),
            "s3" => (await S3(target), "s3/s3-object-created-event.json"),
            "api-gateway-rest" => (await Api(target, ApiKind.Rest, "1.0"), "api-gateway/api-gateway-rest-event.json"),
            "api-gateway-http-v1" => (await Api(target, ApiKind.Http, "1.0"), "api-gateway/api-gateway-http-v1-event.json"),
            "api-gateway-http-v2" => (await Api(target, ApiKind.Http, "2.0"), "api-gateway/api-gateway-http-v2-event.json"),
            _ => (await Schedule(target), "eventbridge/eventbridge-scheduled-event.json"),
        };
        var generated = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "fixtures", "events", fixture)))!;

        RecordedShapes.Compare(delivered).Select(p => p.ToString()).ShouldBeEmpty();
        Paths(delivered).ShouldBe(Paths(generated), ignoreOrder: true, delivered.ToJsonString());
    }

    private static async Task<JsonNode> Sqs(ReferenceTarget target, string? traceHeader = null)
    {
        var (_, arn) = await target.CreateQueueAsync(new QueueSpec("q"));
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "fn"));
        await target.SendMessageAsync("q", new QueueMessage("hello") { Attributes = new Dictionary<string, string> { ["kind"] = "order" }, TraceHeader = traceHeader });
        await target.AdvanceAsync(TimeSpan.FromSeconds(1));
        return await Delivered(target);
    }

    /// <summary>A message the function failed once, moved by the redrive on its next receive, then read from the dead-letter queue.</summary>
    private static async Task<JsonNode> SqsFromDeadLetterQueue(ReferenceTarget target)
    {
        await target.UpdateFunctionAsync(new FunctionSpec("fn", new FunctionBehaviour { FailingInvocations = 1 }));
        var (_, dlq) = await target.CreateQueueAsync(new QueueSpec("q-dlq"));
        var (_, arn) = await target.CreateQueueAsync(new QueueSpec("q") { DeadLetterQueueName = "q-dlq", MaxReceiveCount = 1 });
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "fn"));
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(dlq!, "fn"));
        await target.SendMessageAsync("q", new QueueMessage("hello") { Attributes = new Dictionary<string, string> { ["kind"] = "order" } });
        await target.AdvanceAsync(TimeSpan.FromSeconds(45));
        var second = JsonNode.Parse((await target.GetInvocationsAsync("fn"))[1].Event)!;
        second["Records"]![0]!["attributes"]!["DeadLetterQueueSourceArn"]!.ToString().ShouldBe(arn);
        return second;
    }

    private static async Task<JsonNode> Kinesis(ReferenceTarget target)
    {
        var (_, arn) = await target.CreateStreamAsync("s", 1);
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON" });
        await target.PutRecordAsync("s", "pk", "hello");
        await target.AdvanceAsync(TimeSpan.FromSeconds(2));
        return await Delivered(target);
    }

    private static async Task<JsonNode> DynamoDb(ReferenceTarget target)
    {
        var (_, arn) = await target.CreateTableAsync(new TableSpec("t"));
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON" });
        await target.PutItemAsync("t", """{"Id":{"N":"1"},"Message":{"S":"new"}}""");
        await target.AdvanceAsync(TimeSpan.FromSeconds(2));
        return await Delivered(target);
    }

    private static async Task<JsonNode> S3(ReferenceTarget target)
    {
        await target.CreateBucketAsync("b", versioned: false);
        await target.AddPermissionAsync("fn", new PermissionStatement("s3", "s3.amazonaws.com"));
        await target.PutBucketNotificationAsync(new BucketNotification("b", "fn", ["s3:ObjectCreated:*"]));
        await target.PutObjectAsync("b", "uploads/a.txt", "hello");
        return await Delivered(target);
    }

    private static async Task<JsonNode> Api(ReferenceTarget target, ApiKind kind, string payload)
    {
        await target.AddPermissionAsync("fn", new PermissionStatement("apigw", "apigateway.amazonaws.com"));
        await target.CreateApiAsync(new ApiSpec("api", kind, "GET /orders/{id}", "fn") { PayloadFormatVersion = payload });
        await target.SendHttpRequestAsync("api", new HttpRequest("GET", "/orders/42") { Headers = [new("Accept", "application/json"), new("Cookie", "session=1")], QueryString = "verbose=1" });
        return await Delivered(target);
    }

    private static async Task<JsonNode> Schedule(ReferenceTarget target)
    {
        await target.AddPermissionAsync("fn", new PermissionStatement("events", "events.amazonaws.com"));
        await target.PutScheduleRuleAsync(new ScheduleRule("every-minute", "rate(1 minute)", "fn"));
        await target.AdvanceAsync(TimeSpan.FromMinutes(1));
        return await Delivered(target);
    }

    public static TheoryData<string> StreamSources => ["kinesis", "dynamodb"];

    /// <summary>A batch the function fails until its retries run out, recorded to an S3 bucket: the record and the event it carries.</summary>
    [Theory, MemberData(nameof(StreamSources))]
    public async Task An_on_failure_record_for_s3_has_the_fixture_s_paths_and_every_recorded_field(string source)
    {
        await using var target = await WithFunction();
        await target.UpdateFunctionAsync(new FunctionSpec("fn", new FunctionBehaviour { FailingInvocations = 10 }));
        const string bucket = "arn:aws:s3:::failures";
        var arn = source == "kinesis" ? (await target.CreateStreamAsync("s", 1)).Arn : (await target.CreateTableAsync(new TableSpec("t"))).StreamArn;
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON", MaximumRetryAttempts = 1, OnFailureDestination = bucket });
        if (source == "kinesis") await target.PutRecordAsync("s", "pk", "hello");
        else await target.PutItemAsync("t", """{"Id":{"N":"1"},"Message":{"S":"new"}}""");
        await target.AdvanceAsync(TimeSpan.FromSeconds(10));

        var delivered = JsonNode.Parse((await target.GetDestinationRecordsAsync(bucket)).ShouldHaveSingleItem().Body)!;
        var generated = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "fixtures", "events", source, $"{source}-on-failure-s3-event.json")))!;

        delivered["payload"].ShouldBeOfType<JsonObject>();
        RecordedShapes.Compare(delivered).Select(p => p.ToString()).ShouldBeEmpty();
        Paths(delivered).ShouldBe(Paths(generated), ignoreOrder: true, delivered.ToJsonString());
    }

    /// <summary>The JSON paths of an event, arrays as [*], data-keyed maps as one path each.</summary>
    private static List<string> Paths(JsonNode node)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string at)
        {
            paths.Add(at);
            if (DataKeyed.Any(at.EndsWith)) return;
            if (n is JsonObject obj) foreach (var (key, value) in obj) Walk(value, $"{at}.{key}");
            else if (n is JsonArray array) foreach (var item in array) Walk(item, $"{at}[*]");
        }
        Walk(node, "$");
        return [.. paths];
    }
}
