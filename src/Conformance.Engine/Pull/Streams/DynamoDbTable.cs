using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Events;
using Conformance.Events.DynamoDb;
using Conformance.Events.Generation;
using ResourceArn = Conformance.Core.Resources.Arn;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// A DynamoDB table with a stream (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html): writing an item appends an INSERT (new
/// key), MODIFY (existing key) or REMOVE record carrying the images the stream view type allows.
/// Stream records are kept for 24 hours. One shard holds the table's records in order.
/// </summary>
internal sealed class DynamoDbTable : IStreamSource
{
    private readonly EngineParts engine;
    private readonly Dictionary<string, JsonObject> items = new(StringComparer.Ordinal);

    public DynamoDbTable(EngineParts engine, TableSpec spec)
    {
        this.engine = engine;
        Spec = spec;
        var created = engine.Time.GetUtcNow();
        Arn = ResourceArn.TableStream(engine.Settings.Region, engine.Settings.AccountId, spec.Name, created).ToString();
        Shards = [new StreamShard($"shardId-{created.ToUnixTimeMilliseconds():D13}-{engine.Ids.Hex(8)}", BigInteger.Parse("100000000000000000000", CultureInfo.InvariantCulture))];
    }

    public TableSpec Spec { get; }
    public string Arn { get; }
    public IReadOnlyList<StreamShard> Shards { get; }
    public TimeSpan Retention => TimeSpan.FromHours(24);
    public bool IsKinesis => false;

    /// <summary><c>PutItem</c> with an item in plain JSON (converted to DynamoDB attribute JSON).</summary>
    public void Put(JsonObject item)
    {
        var key = item[Spec.KeyAttribute]?.ToJsonString() ?? throw new ArgumentException($"The item has no key attribute '{Spec.KeyAttribute}'.");
        var image = ToAttributes(item);
        items.TryGetValue(key, out var old);
        items[key] = image;
        Append(old is null ? "INSERT" : "MODIFY", image, old);
    }

    public bool Delete(JsonNode keyValue)
    {
        var key = keyValue.ToJsonString();
        if (!items.Remove(key, out var old)) return false;
        Append("REMOVE", null, old);
        return true;
    }

    private void Append(string eventName, JsonObject? newImage, JsonObject? oldImage)
    {
        var shard = Shards[0];
        var now = engine.Time.GetUtcNow();
        var sequence = shard.NextSequence(100);
        var source = newImage ?? oldImage!;
        var keys = new JsonObject { [Spec.KeyAttribute] = source[Spec.KeyAttribute]!.DeepClone() };
        var view = Spec.StreamViewType;
        var newPart = view is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES" ? (JsonObject?)newImage?.DeepClone() : null;
        var oldPart = view is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES" ? (JsonObject?)oldImage?.DeepClone() : null;
        var change = new DynamoDbChange(now.ToUnixTimeSeconds(), keys, newPart, oldPart, sequence.ToString(CultureInfo.InvariantCulture),
            EventGenerator.SizeOf(keys, newPart, oldPart), view);
        var record = new DynamoDbStreamRecord(engine.Ids.Hex(32), eventName, "1.1", "aws:dynamodb", engine.Settings.Region, change, Arn);
        shard.Append(new StreamEntry(sequence, keys.ToJsonString(), now, () => EventJson.ToNode(record).AsObject(), null));
    }

    /// <summary>Plain JSON to DynamoDB attribute JSON: strings S, numbers N, booleans BOOL, null NULL, arrays L, objects M.</summary>
    public static JsonObject ToAttributes(JsonObject item) =>
        new(item.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToAttribute(p.Value))));

    private static JsonObject ToAttribute(JsonNode? value) => value switch
    {
        null => AttributeValue.Null(),
        JsonObject obj => AttributeValue.M(ToAttributes(obj)),
        JsonArray array => AttributeValue.L([.. array.Select(ToAttribute)]),
        JsonValue v when v.TryGetValue<string>(out var s) => AttributeValue.S(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => AttributeValue.Bool(b),
        _ => AttributeValue.N(value.ToJsonString()),
    };
}
