using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Conformance.Events;
using Conformance.Events.Kinesis;
using ResourceArn = Conformance.Core.Resources.Arn;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// A Kinesis data stream (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html): shards split the 128-bit hash key space evenly; a
/// record goes to the shard whose range holds the MD5 hash of its partition key; sequence numbers grow
/// within a shard; records are kept for the retention period (24 hours by default).
/// </summary>
internal sealed class KinesisStream : IStreamSource
{
    private static readonly BigInteger HashSpace = BigInteger.Pow(2, 128);
    private readonly EngineParts engine;
    private readonly string name;

    public KinesisStream(EngineParts engine, string name, int shardCount, TimeSpan retention)
    {
        this.engine = engine;
        this.name = name;
        Retention = retention;
        Arn = ResourceArn.KinesisStream(engine.Settings.Region, engine.Settings.AccountId, name).ToString();
        Shards = Enumerable.Range(0, shardCount)
            .Select(i => new StreamShard($"shardId-{i:D12}", BigInteger.Parse($"4959{i:D4}" + new string('0', 48), CultureInfo.InvariantCulture)))
            .ToList();
    }

    public string Arn { get; }
    public IReadOnlyList<StreamShard> Shards { get; }
    public TimeSpan Retention { get; }
    public bool IsKinesis => true;

    public StreamShard ShardFor(string partitionKey)
    {
        var hash = new BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(partitionKey)), isUnsigned: true, isBigEndian: true);
        var index = (int)(hash * Shards.Count / HashSpace);
        return Shards[Math.Min(index, Shards.Count - 1)];
    }

    /// <summary><c>PutRecord</c>: the shard and sequence number the record got.</summary>
    public (string ShardId, string SequenceNumber) Put(string partitionKey, string data)
    {
        var shard = ShardFor(partitionKey);
        var now = engine.Time.GetUtcNow();
        var sequence = shard.NextSequence(Convert.ToInt32(engine.Ids.Hex(4), 16) | 1);
        var sequenceText = sequence.ToString(CultureInfo.InvariantCulture);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(data));
        var record = new KinesisEventRecord(
            new KinesisData("1.0", partitionKey, sequenceText, encoded, Math.Round(now.ToUnixTimeMilliseconds() / 1000.0, 3)),
            "aws:kinesis", "1.0", $"{shard.Id}:{sequenceText}", "aws:kinesis:record",
            ResourceArn.Role(engine.Settings.AccountId, "lambda-role").ToString(), engine.Settings.Region, Arn);
        shard.Append(new StreamEntry(sequence, partitionKey, now, () => EventJson.ToNode(record).AsObject(), data));
        return (shard.Id, sequenceText);
    }

    public string Name => name;
}
