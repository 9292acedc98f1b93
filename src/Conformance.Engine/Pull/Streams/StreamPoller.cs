using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Pull.Batches;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// A lane of a shard: records in order, one batch in flight. A shard has one lane (strict shard order)
/// by default, or up to <c>ParallelizationFactor</c> lanes by partition key (Kinesis) or item key (DynamoDB).
/// </summary>
internal sealed class StreamLane
{
    public List<StreamEntry> Pending { get; } = [];
    public int Attempts { get; set; }
    public int? BisectSize { get; set; }
    public DateTimeOffset BusyUntil { get; set; }

    /// <summary>The open tumbling window: its start, and the state the function returned last.</summary>
    public DateTimeOffset? WindowStart { get; set; }
    public JsonNode State { get; set; } = new JsonObject();

    /// <summary>The batch succeeded: move past it, and start counting retries afresh.</summary>
    public void Advance(int count)
    {
        Pending.RemoveRange(0, count);
        Attempts = 0;
        BisectSize = null;
    }
}

/// <summary>
/// The polling stage shared by Kinesis and DynamoDB Streams mappings
/// (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). It reads each shard from the mapping's
/// starting position into lanes, drops records past the stream's retention and the ones the filters
/// reject (the iterator moves past them), and hands out the next batch of a lane: up to the batch size,
/// or the bisected size after a failure, once the batching window since the first waiting record passed.
/// </summary>
internal sealed class StreamPoller
{
    private readonly EventSourceMappingSpec spec;
    private readonly EngineSettings settings;
    private readonly BatchFilter filter;
    private readonly Dictionary<string, List<StreamLane>> lanes = [];

    public StreamPoller(IStreamSource source, EventSourceMappingSpec spec, EngineSettings settings, BatchFilter filter)
    {
        Source = source;
        this.spec = spec;
        this.settings = settings;
        this.filter = filter;
        foreach (var shard in source.Shards)
        {
            var shardLanes = Enumerable.Range(0, Math.Max(1, spec.ParallelizationFactor ?? 1)).Select(_ => new StreamLane()).ToList();
            lanes[shard.Id] = shardLanes;
            var start = spec.StartingPosition switch
            {
                "LATEST" => [],
                "AT_TIMESTAMP" => shard.Records.Where(r => r.ArrivedAt >= spec.StartingPositionTimestamp),
                _ => shard.Records,
            };
            foreach (var entry in start) Route(shardLanes, entry);
            shard.Appended += entry => Route(shardLanes, entry);
        }
    }

    public IStreamSource Source { get; }

    /// <summary>How often each shard is polled: once a second (Kinesis) or four times a second (DynamoDB).</summary>
    public TimeSpan Interval => Source.IsKinesis ? settings.KinesisPollInterval : settings.DynamoDbPollInterval;

    public int BatchSize => spec.BatchSize ?? settings.StreamDefaultBatchSize;

    /// <summary>The lanes without a batch in flight, with their shard, after dropping the records past the stream's retention.</summary>
    public IEnumerable<(StreamShard Shard, StreamLane Lane)> ReadyLanes(DateTimeOffset now)
    {
        foreach (var shard in Source.Shards)
            foreach (var lane in lanes[shard.Id])
            {
                if (lane.BusyUntil > now) continue;
                lane.Pending.RemoveAll(r => now - r.ArrivedAt > Source.Retention);
                yield return (shard, lane);
            }
    }

    /// <summary>The lane's next batch, or null while it is empty or its batching window is open.</summary>
    public List<StreamEntry>? NextBatch(StreamLane lane, DateTimeOffset now)
    {
        if (lane.Pending.Count == 0) return null;
        var window = TimeSpan.FromSeconds(spec.MaximumBatchingWindowInSeconds ?? 0);
        if (lane.Attempts == 0 && lane.BisectSize is null && window > TimeSpan.Zero && lane.Pending.Count < BatchSize && now < lane.Pending[0].ArrivedAt + window)
            return null;
        return lane.Pending.Take(Math.Min(lane.BisectSize ?? BatchSize, BatchSize)).ToList();
    }

    /// <summary>
    /// An upper bound of a Kinesis batch's rendered size, without rendering it: per record the base64 of its
    /// data, six bytes for each character of the partition key and the stream ARN (the most JSON escaping
    /// can make of one), and 1 KB for the fixed fields (under 600 bytes). None for DynamoDB: its items are
    /// measured by rendering.
    /// </summary>
    public long? MaximumEventBytes(IReadOnlyList<StreamEntry> batch)
    {
        if (!Source.IsKinesis) return null;
        long total = 16;
        foreach (var entry in batch)
            total += 4L * ((System.Text.Encoding.UTF8.GetByteCount(entry.Data ?? "") + 2) / 3) + 6L * (entry.OrderingKey.Length + Source.Arn.Length) + 1024;
        return total;
    }

    /// <summary>Puts a record in its lane, unless the filters reject it: then the iterator simply moves past it (matched once, as it is read).</summary>
    private void Route(List<StreamLane> shardLanes, StreamEntry entry)
    {
        if (!filter.Keeps(() => entry.Record, Source.IsKinesis ? entry.Data : null)) return;
        shardLanes[(int)((uint)StableHash(entry.OrderingKey) % shardLanes.Count)].Pending.Add(entry);
    }

    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}
