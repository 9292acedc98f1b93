using System.Globalization;
using System.Text;
using Conformance.Events.Generation;

namespace Conformance.Events.Fixtures;

/// <summary>One checked-in sample: its path under <c>fixtures/events</c>, the shape it has, and how to make it.</summary>
public sealed record Fixture(string Source, string FileName, Type Shape, Func<EventGenerator, object> Create)
{
    public string RelativePath => $"{Source}/{FileName}";

    /// <summary>The fixture's file content: indented JSON and a final newline.</summary>
    public string Render(int seed) => EventJson.Serialize(Create(new EventGenerator(FixtureCatalog.SeedFor(seed, RelativePath))), indented: true)
        .Replace("\r\n", "\n") + "\n";
}

/// <summary>
/// Every sample event and response in <c>fixtures/events/&lt;source&gt;/&lt;source&gt;-&lt;variant&gt;-event.json</c>
/// (or <c>-response.json</c>). Each fixture has its own seed derived from the run's seed and its path, so
/// adding a fixture never changes the others.
/// </summary>
public static class FixtureCatalog
{
    public const int DefaultSeed = 1;

    public static IReadOnlyList<Fixture> All { get; } =
    [
        new("s3", "s3-object-created-event.json", typeof(S3.S3Event), g => g.S3.ObjectCreated()),
        new("s3", "s3-object-created-versioned-event.json", typeof(S3.S3Event), g => g.S3.ObjectCreated("ObjectCreated:Put", "reports/2025 Q1 (final).pdf", versioned: true)),
        new("s3", "s3-object-created-copy-event.json", typeof(S3.S3Event), g => g.S3.ObjectCreated("ObjectCreated:Copy")),
        new("s3", "s3-object-removed-event.json", typeof(S3.S3Event), g => g.S3.ObjectRemoved()),
        new("s3", "s3-object-removed-delete-marker-event.json", typeof(S3.S3Event), g => g.S3.ObjectRemoved(deleteMarker: true)),
        new("s3", "s3-object-acl-put-event.json", typeof(S3.S3Event), g => g.S3.ObjectMetadataChanged("ObjectAcl:Put")),
        new("s3", "s3-object-tagging-put-event.json", typeof(S3.S3Event), g => g.S3.ObjectMetadataChanged("ObjectTagging:Put")),
        new("s3", "s3-object-restore-completed-event.json", typeof(S3.S3Event), g => g.S3.ObjectRestore()),
        new("s3", "s3-object-restore-post-event.json", typeof(S3.S3Event), g => g.S3.ObjectRestore("ObjectRestore:Post")),
        new("s3", "s3-object-created-multipart-event.json", typeof(S3.S3Event), g => g.S3.ObjectCreated("ObjectCreated:CompleteMultipartUpload")),
        new("s3", "s3-object-tagging-delete-event.json", typeof(S3.S3Event), g => g.S3.ObjectMetadataChanged("ObjectTagging:Delete")),
        new("s3", "s3-lifecycle-expiration-delete-event.json", typeof(S3.S3Event), g => g.S3.LifecycleExpiration()),
        new("s3", "s3-lifecycle-transition-event.json", typeof(S3.S3Event), g => g.S3.LifecycleTransition()),
        new("s3", "s3-intelligent-tiering-event.json", typeof(S3.S3Event), g => g.S3.IntelligentTiering()),
        new("sqs", "sqs-standard-event.json", typeof(Sqs.SqsEvent), g => g.SqsBatch(3)),
        new("sqs", "sqs-fifo-event.json", typeof(Sqs.SqsEvent), g => g.SqsBatch(2, fifo: true)),
        new("sqs", "sqs-traced-event.json", typeof(Sqs.SqsEvent), g => g.SqsBatch(2, traced: true)),
        new("sqs", "sqs-dead-letter-queue-event.json", typeof(Sqs.SqsEvent), g => g.SqsBatch(1, redriven: true)),
        new("sqs", "sqs-without-attributes-event.json", typeof(Sqs.SqsEvent), g => g.SqsBatch(1, withAttributes: false)),
        new("sqs", "sqs-partial-batch-response.json", typeof(Batches.BatchItemFailuresResponse), g => g.Records.BatchItemFailures(g.SqsBatch(2).Records[1].MessageId)),
        new("kinesis", "kinesis-event.json", typeof(Kinesis.KinesisEvent), g => g.KinesisBatch(3)),
        new("kinesis", "kinesis-partial-batch-response.json", typeof(Batches.BatchItemFailuresResponse), g => g.Records.BatchItemFailures(g.KinesisBatch(3).Records[1].Kinesis.SequenceNumber)),
        new("kinesis", "kinesis-on-failure-event.json", typeof(Destinations.StreamFailureRecord), g => g.Records.KinesisFailureRecord(g.KinesisBatch(3))),
        new("kinesis", "kinesis-on-failure-s3-event.json", typeof(Destinations.StreamFailureRecord), g => g.Records.KinesisFailureRecord(g.KinesisBatch(2), forS3: true)),
        new("dynamodb", "dynamodb-insert-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("INSERT")),
        new("dynamodb", "dynamodb-insert-new-image-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("INSERT", "NEW_IMAGE")),
        new("dynamodb", "dynamodb-modify-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("MODIFY")),
        new("dynamodb", "dynamodb-remove-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("REMOVE")),
        new("dynamodb", "dynamodb-remove-ttl-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("REMOVE", byTimeToLive: true)),
        new("dynamodb", "dynamodb-modify-keys-only-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("MODIFY", "KEYS_ONLY")),
        new("dynamodb", "dynamodb-modify-new-image-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("MODIFY", "NEW_IMAGE")),
        new("dynamodb", "dynamodb-modify-old-image-event.json", typeof(DynamoDb.DynamoDbStreamEvent), g => g.DynamoDbBatch("MODIFY", "OLD_IMAGE")),
        new("dynamodb", "dynamodb-partial-batch-response.json", typeof(Batches.BatchItemFailuresResponse), g => g.Records.BatchItemFailures(g.DynamoDbBatch("INSERT", count: 2).Records[0].DynamoDb.SequenceNumber)),
        new("dynamodb", "dynamodb-on-failure-event.json", typeof(Destinations.StreamFailureRecord), g => g.Records.DynamoDbFailureRecord(g.DynamoDbBatch("MODIFY", count: 3))),
        new("dynamodb", "dynamodb-on-failure-s3-event.json", typeof(Destinations.StreamFailureRecord), g => g.Records.DynamoDbFailureRecord(g.DynamoDbBatch("INSERT", count: 2), forS3: true)),
        new("api-gateway", "api-gateway-rest-event.json", typeof(ApiGateway.ProxyRequestV1), g => g.Push.RestApiRequest()),
        new("api-gateway", "api-gateway-rest-lambda-authorizer-event.json", typeof(ApiGateway.ProxyRequestV1), g => g.Push.RestApiRequest(authorizer: ApiGateway.ApiAuthorizer.Lambda)),
        new("api-gateway", "api-gateway-rest-cognito-authorizer-event.json", typeof(ApiGateway.ProxyRequestV1), g => g.Push.RestApiRequest(authorizer: ApiGateway.ApiAuthorizer.Cognito)),
        new("api-gateway", "api-gateway-rest-response.json", typeof(ApiGateway.ProxyResponseV1), g => g.Push.ProxyResponse()),
        new("api-gateway", "api-gateway-http-v1-event.json", typeof(ApiGateway.ProxyRequestV1), g => g.Push.RestApiRequest(httpApi: true)),
        new("api-gateway", "api-gateway-http-v1-jwt-authorizer-event.json", typeof(ApiGateway.ProxyRequestV1), g => g.Push.RestApiRequest(httpApi: true, ApiGateway.ApiAuthorizer.Jwt)),
        new("api-gateway", "api-gateway-http-v2-event.json", typeof(ApiGateway.HttpApiRequestV2), g => g.Push.HttpApiRequest()),
        new("api-gateway", "api-gateway-http-v2-jwt-authorizer-event.json", typeof(ApiGateway.HttpApiRequestV2), g => g.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Jwt)),
        new("api-gateway", "api-gateway-http-v2-lambda-authorizer-event.json", typeof(ApiGateway.HttpApiRequestV2), g => g.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Lambda)),
        new("api-gateway", "api-gateway-http-v2-iam-authorizer-event.json", typeof(ApiGateway.HttpApiRequestV2), g => g.Push.HttpApiRequest(ApiGateway.ApiAuthorizer.Iam)),
        new("api-gateway", "api-gateway-http-v2-response.json", typeof(ApiGateway.HttpApiResponseV2), g => g.Push.HttpApiResponse()),
        new("eventbridge", "eventbridge-scheduled-event.json", typeof(EventBridge.EventBridgeEvent), g => g.Push.ScheduledEvent()),
        new("lambda", "lambda-invoke-error-response.json", typeof(Lambda.InvokeErrorDocument), g => g.Records.InvokeError()),
        new("lambda", "lambda-destination-success-event.json", typeof(Destinations.AsyncInvocationRecord), g => g.Records.AsyncRecord("Success")),
        new("lambda", "lambda-destination-failure-event.json", typeof(Destinations.AsyncInvocationRecord), g => g.Records.AsyncRecord("RetriesExhausted")),
        new("lambda", "lambda-destination-event-age-exceeded-event.json", typeof(Destinations.AsyncInvocationRecord), g => g.Records.AsyncRecord("EventAgeExceeded")),
        new("lambda", "lambda-destination-zero-reserved-concurrency-event.json", typeof(Destinations.AsyncInvocationRecord), g => g.Records.AsyncRecord("ZeroReservedConcurrency")),
        new("lambda", "lambda-destination-eventbridge-event.json", typeof(EventBridge.EventBridgeEvent), g => g.Records.AsyncRecordOnEventBridge(g.Records.AsyncRecord("RetriesExhausted"))),
        new("lambda", "lambda-dead-letter-event.json", typeof(Destinations.DeadLetterMessage), g => g.Records.DeadLetter()),
    ];

    /// <summary>Writes every fixture under <paramref name="directory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Generate(string directory, int seed = DefaultSeed)
    {
        var written = new List<string>();
        foreach (var fixture in All)
        {
            var path = Path.Combine(directory, fixture.Source, fixture.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, fixture.Render(seed), new UTF8Encoding(false));
            written.Add(path);
        }
        foreach (var source in All.GroupBy(f => f.Source))
        {
            var path = Path.Combine(directory, source.Key, "SOURCES.md");
            File.WriteAllText(path, Sources(source.Key, source, seed), new UTF8Encoding(false));
            written.Add(path);
        }
        return written;
    }

    /// <summary>
    /// A folder's <c>SOURCES.md</c>: for each fixture, the recorded AWS payloads (or AWS documentation)
    /// its fields are compared with (<see cref="Validation.RecordedShapes"/>), or that there is none.
    /// </summary>
    private static string Sources(string source, IEnumerable<Fixture> fixtures, int seed)
    {
        var text = new StringBuilder($"# Sources of the {source} fixtures\n\n");
        text.Append("Every field of a fixture's recorded counterpart is in the fixture with the same JSON type (tests/Conformance.Events.Tests, RecordedShapesTests).\n\n");
        text.Append("| fixture | compared with | sources |\n|---|---|---|\n");
        foreach (var fixture in fixtures)
        {
            var shapes = Validation.RecordedShapes.For(System.Text.Json.Nodes.JsonNode.Parse(fixture.Render(seed))).Select(s => s.Shape).DistinctBy(s => s.Name).ToList();
            var compared = shapes.Count == 0 ? "no recording: checked against the kit's shape only" : string.Join(", ", shapes.Select(s => $"`{s.Name}`"));
            var sources = string.Join("; ", shapes.SelectMany(s => s.Sources).Distinct());
            text.Append(CultureInfo.InvariantCulture, $"| {fixture.FileName} | {compared} | {sources} |\n");
        }
        return text.ToString();
    }

    /// <summary>A seed for one fixture: the run's seed mixed with a stable (FNV-1a) hash of the fixture's path.</summary>
    public static int SeedFor(int seed, string path)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(path)) hash = (hash ^ b) * 16777619u;
        return (int)(hash ^ (uint)seed) & int.MaxValue;
    }
}
