using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Bogus;
using Conformance.Events.DynamoDb;
using Conformance.Events.Kinesis;
using Conformance.Events.Sqs;

namespace Conformance.Events.Generation;

/// <summary>
/// Builds realistic events from a seed: the same seed always gives the same objects, and so
/// byte-identical JSON. Values hang together as AWS's do: ARNs carry the generator's region and
/// account, SQS <c>md5OfBody</c> is the MD5 of the body, S3 <c>eTag</c> the MD5 of content of the stated
/// size, Kinesis and DynamoDB sequence numbers increase within a shard, and time moves forward.
/// S3 notifications are in <see cref="S3"/>, API Gateway and EventBridge events in <see cref="Push"/>, responses and
/// Lambda's records in <see cref="Records"/>; all draw from one state.
/// </summary>
public sealed class EventGenerator
{
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"];

    private readonly GenerationState state;
    private BigInteger kinesisSequence;
    private BigInteger dynamoDbSequence;
    private BigInteger fifoSequence;

    /// <summary>A generator of <paramref name="seed"/>'s events, in today's shapes or those of <paramref name="eras"/>.</summary>
    public EventGenerator(int seed, EventEras? eras = null)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var ids = new AwsIdentity(faker.Random, faker.PickRandom(Regions), faker.Random.ReplaceNumbers("############"));
        state = new GenerationState(faker, ids, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(faker.Random.Int(0, 30 * 24 * 3600)));
        kinesisSequence = BigInteger.Parse("4959" + faker.Random.ReplaceNumbers(new string('#', 52)), CultureInfo.InvariantCulture);
        dynamoDbSequence = BigInteger.Parse("1" + faker.Random.ReplaceNumbers(new string('#', 20)), CultureInfo.InvariantCulture);
        fifoSequence = BigInteger.Parse("18" + faker.Random.ReplaceNumbers(new string('#', 18)), CultureInfo.InvariantCulture);
        S3 = new S3Events(state, eras ?? EventEras.Today);
        Push = new PushEvents(state);
        Records = new LambdaRecords(state);
    }

    public AwsIdentity Ids => state.Ids;

    /// <summary>The generator's clock; each event moves it forward a little.</summary>
    public DateTimeOffset Now => state.Now;

    /// <summary>S3 event notifications.</summary>
    public S3Events S3 { get; }

    /// <summary>API Gateway and EventBridge events.</summary>
    public PushEvents Push { get; }

    /// <summary>Function responses and the records Lambda writes.</summary>
    public LambdaRecords Records { get; }

    // ---- Amazon SQS ------------------------------------------------------------------------------

    /// <summary>
    /// A batch of <paramref name="count"/> messages from a standard or FIFO queue; <paramref name="traced"/>
    /// messages carry their sender's X-Ray trace header (<c>AWSTraceHeader</c>); <paramref name="redriven"/>
    /// ones come from a dead-letter queue and name the queue a redrive moved them from (<c>DeadLetterQueueSourceArn</c>).
    /// </summary>
    public SqsEvent SqsBatch(int count = 1, bool fifo = false, bool withAttributes = true, bool traced = false, bool redriven = false)
    {
        var (name, suffix) = (state.Name("orders"), fifo ? ".fifo" : "");
        var (source, queue) = (name + suffix, redriven ? $"{name}-dlq{suffix}" : name + suffix);
        var group = fifo ? "group-" + state.Faker.Random.Int(1, 9) : null;
        var records = Enumerable.Range(0, count).Select(_ => SqsRecord(queue, group, withAttributes, traced, redriven ? Ids.QueueArn(source) : null)).ToList();
        return new SqsEvent(records);
    }

    private SqsMessage SqsRecord(string queue, string? group, bool withAttributes, bool traced, string? redrivenFrom)
    {
        var body = GenerationState.JsonBody(new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999), ["item"] = state.Faker.Commerce.ProductName() });
        var sent = state.Tick();
        var received = sent.AddMilliseconds(state.Faker.Random.Int(1, 500));
        var attributes = withAttributes
            ? new Dictionary<string, SqsMessageAttribute> { ["kind"] = new(state.Faker.PickRandom("order", "refund", "update"), null, [], [], "String") }
            : new Dictionary<string, SqsMessageAttribute>();
        var system = new SqsMessageSystemAttributes("1", Epoch(sent), Ids.PrincipalId(), Epoch(received),
            group is null ? null : NextFifoSequence(), group, group is null ? null : Ids.Hex(32), traced ? Ids.TraceHeader() : null, redrivenFrom);
        return new SqsMessage(Ids.Uuid(), Ids.Base64(96), body, system, attributes, AwsIdentity.Md5Hex(body),
            SqsMessageAttributeDigest.Compute(attributes), "aws:sqs", Ids.QueueArn(queue), Ids.Region);
    }

    private string NextFifoSequence()
    {
        fifoSequence += state.Faker.Random.Int(1, 100_000);
        return fifoSequence.ToString(CultureInfo.InvariantCulture);
    }

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // ---- Amazon Kinesis --------------------------------------------------------------------------

    /// <summary>A batch of records from one shard, with increasing sequence numbers.</summary>
    public KinesisEvent KinesisBatch(int count = 1, int shard = 0)
    {
        var stream = state.Name("stream");
        var shardId = $"shardId-{shard:D12}";
        var role = Ids.RoleArn(state.Name("function-role"));
        var records = Enumerable.Range(0, count).Select(_ =>
        {
            kinesisSequence += state.Faker.Random.Int(1, 1_000_000);
            var sequence = kinesisSequence.ToString(CultureInfo.InvariantCulture);
            var data = Convert.ToBase64String(Encoding.UTF8.GetBytes(GenerationState.JsonBody(new JsonObject { ["reading"] = state.Faker.Random.Int(0, 1000) })));
            var arrival = Math.Round(state.Tick().ToUnixTimeMilliseconds() / 1000.0, 3);
            return new KinesisEventRecord(new KinesisData("1.0", "pk-" + state.Faker.Random.Int(1, 20), sequence, data, arrival),
                "aws:kinesis", "1.0", $"{shardId}:{sequence}", "aws:kinesis:record", role, Ids.Region, Ids.StreamArn(stream));
        }).ToList();
        return new KinesisEvent(records);
    }

    // ---- Amazon DynamoDB Streams -----------------------------------------------------------------

    /// <summary>
    /// A batch of stream records for <paramref name="eventName"/> (<c>INSERT</c>, <c>MODIFY</c>, <c>REMOVE</c>)
    /// with the images <paramref name="viewType"/> allows: INSERT has no old image, REMOVE no new image.
    /// </summary>
    /// <param name="eventName">INSERT, MODIFY or REMOVE.</param>
    /// <param name="viewType">The stream's view type.</param>
    /// <param name="count">Records in the batch.</param>
    /// <param name="byTimeToLive">A REMOVE made by Time to Live, which names DynamoDB as the user identity.</param>
    public DynamoDbStreamEvent DynamoDbBatch(string eventName = "INSERT", string viewType = "NEW_AND_OLD_IMAGES", int count = 1, bool byTimeToLive = false)
    {
        var table = state.Name("table");
        var streamArn = Ids.TableStreamArn(table, state.Now.AddDays(-state.Faker.Random.Int(1, 300)));
        var records = Enumerable.Range(0, count).Select(_ =>
        {
            var id = state.Faker.Random.Int(1, 99999).ToString(CultureInfo.InvariantCulture);
            var keys = new JsonObject { ["Id"] = AttributeValue.N(id) };
            var newItem = eventName == "REMOVE" ? null : Item(id, state.Faker.Lorem.Sentence(3));
            var oldItem = eventName == "INSERT" ? null : Item(id, state.Faker.Lorem.Sentence(3));
            var newImage = viewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES" ? newItem : null;
            var oldImage = viewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES" ? oldItem : null;
            dynamoDbSequence += state.Faker.Random.Int(1, 100_000);
            var change = new DynamoDbChange(state.Tick().ToUnixTimeSeconds(), keys, newImage, oldImage,
                dynamoDbSequence.ToString(CultureInfo.InvariantCulture), SizeOf(keys, newImage, oldImage), viewType);
            return new DynamoDbStreamRecord(Ids.Hex(32), eventName, "1.1", "aws:dynamodb", Ids.Region, change, streamArn)
            {
                UserIdentity = byTimeToLive && eventName == "REMOVE" ? DynamoDbUserIdentity.TimeToLive : null,
            };
        }).ToList();
        return new DynamoDbStreamEvent(records);
    }

    private static JsonObject Item(string id, string message) =>
        new() { ["Id"] = AttributeValue.N(id), ["Message"] = AttributeValue.S(message) };

    /// <summary>The record's size as the bytes of its attribute names and values (keys and images).</summary>
    public static long SizeOf(params JsonObject?[] items) =>
        items.Where(i => i is not null).SelectMany(i => i!).Sum(p => Encoding.UTF8.GetByteCount(p.Key) + ValueBytes(p.Value));

    private static int ValueBytes(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => ValueBytes(p.Value)),
        JsonArray array => array.Sum(ValueBytes),
        JsonValue value when value.TryGetValue<string>(out var text) => Encoding.UTF8.GetByteCount(text),
        JsonValue => 1,
        _ => 0,
    };
}
