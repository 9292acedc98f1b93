using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Pull.Filtering;
using Conformance.Events;
using Conformance.Events.Destinations;
using Conformance.Events.Generation;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// The shared stream poller of a Kinesis or DynamoDB Streams mapping (lambda-semantics.md §9, §10).
/// Each shard is polled once per second (Kinesis) or four times per second (DynamoDB). Per shard, the
/// records are split into lanes: one lane (strict shard order) by default, or with
/// <c>ParallelizationFactor</c> N up to N lanes by partition key (Kinesis) or item key (DynamoDB),
/// each in order. A lane has one batch in flight. At each poll a lane:
/// 1. drops records past the stream's retention, and skips records the filters reject;
/// 2. waits, with a batching window, until the batch is full or the window since the first waiting record passed;
/// 3. invokes the function synchronously with up to the batch size;
/// 4. on success moves past the batch; with <c>ReportBatchItemFailures</c> and a valid report, moves to the
///    lowest failed sequence number (an invalid report fails the whole batch);
/// 5. on failure retries the same records at the next poll, blocking the lane: with
///    <c>BisectBatchOnFunctionError</c> the batch is halved first (halving uses no retry); once
///    <c>MaximumRetryAttempts</c> is used up or a record is older than <c>MaximumRecordAgeInSeconds</c>,
///    the batch is discarded: its description goes to the on-failure destination and the lane moves on.
/// A throttled invocation never reached the function and is retried without counting.
/// </summary>
internal sealed class StreamMappingWorker : EventSourceMapping
{
    private readonly EngineParts engine;
    private readonly IStreamSource source;
    private readonly Dictionary<string, List<Lane>> lanes = [];
    private readonly TimeSpan interval;
    private ITimer? timer;

    private sealed class Lane
    {
        public List<StreamEntry> Pending { get; } = [];
        public int Attempts { get; set; }
        public int? BisectSize { get; set; }
        public DateTimeOffset BusyUntil { get; set; }

        /// <summary>The open tumbling window: its start, and the state the function returned last.</summary>
        public DateTimeOffset? WindowStart { get; set; }
        public JsonNode State { get; set; } = new JsonObject();
    }

    public StreamMappingWorker(EngineParts engine, IStreamSource source, string uuid, EventSourceMappingSpec spec, FilterCriteria filters) : base(uuid, spec, filters)
    {
        this.engine = engine;
        this.source = source;
        interval = source.IsKinesis ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(250);
        foreach (var shard in source.Shards)
        {
            var shardLanes = Enumerable.Range(0, Math.Max(1, spec.ParallelizationFactor ?? 1)).Select(_ => new Lane()).ToList();
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

    private int BatchSize => Spec.BatchSize ?? engine.Settings.StreamDefaultBatchSize;

    private static void Route(List<Lane> shardLanes, StreamEntry entry) =>
        shardLanes[(int)((uint)StableHash(entry.OrderingKey) % shardLanes.Count)].Pending.Add(entry);

    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    protected override void OnEnabled()
    {
        timer?.Dispose();
        timer = engine.Time.CreateTimer(_ => Poll(), null, interval, interval);
    }

    private void Poll()
    {
        if (State != MappingState.Enabled) return;
        var now = engine.Time.GetUtcNow();
        foreach (var shard in source.Shards)
            foreach (var lane in lanes[shard.Id])
                if (lane.BusyUntil <= now) PollLane(shard, lane, now);
    }

    private void PollLane(StreamShard shard, Lane lane, DateTimeOffset now)
    {
        lane.Pending.RemoveAll(r => now - r.ArrivedAt > source.Retention);
        FilteredOut += lane.Pending.RemoveAll(r => !Passes(r)); // §11: the iterator advances past records the filters reject
        if (Spec.TumblingWindowInSeconds is > 0)
        {
            PollWindow(shard, lane, now);
            return;
        }
        if (lane.Pending.Count == 0) return;

        var window = TimeSpan.FromSeconds(Spec.MaximumBatchingWindowInSeconds ?? 0);
        if (lane.Attempts == 0 && lane.BisectSize is null && window > TimeSpan.Zero && lane.Pending.Count < BatchSize && now < lane.Pending[0].ArrivedAt + window)
            return;

        var size = Math.Min(lane.BisectSize ?? BatchSize, BatchSize);
        var batch = lane.Pending.Take(size).ToList();
        var payload = EventJson.Serialize(new JsonObject { ["Records"] = new JsonArray(batch.Select(r => (JsonNode)r.Record.DeepClone()).ToArray()) });
        var (response, duration) = engine.Functions.InvokeForMapping(Spec.FunctionName, payload);
        lane.BusyUntil = now + duration;
        if (response.StatusCode != 200) return; // throttled: never reached the function, retried without counting

        if (response.FunctionError is null)
        {
            var failed = Spec.ReportsBatchItemFailures ? BatchItemFailures.Read(response.Payload, batch.Select(r => r.SequenceNumber).ToHashSet(), engine.Settings) : [];
            if (failed is { Count: 0 })
            {
                Advance(lane, batch.Count);
                return;
            }
            if (failed is not null)
            {
                // The retry starts at the lowest sequence number reported.
                var done = batch.FindIndex(r => failed.Contains(r.SequenceNumber));
                lane.Pending.RemoveRange(0, done); // records before the checkpoint are done; the rest is retried
                Fail(shard, lane, batch.Skip(done).ToList(), now, bisect: false);
                return;
            }
        }
        Fail(shard, lane, batch, now, bisect: Spec.BisectBatchOnFunctionError == true && batch.Count > 1);
    }

    /// <summary>
    /// Tumbling windows (§9; https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html):
    /// windows of <c>TumblingWindowInSeconds</c> aligned on arrival time; each invocation gets the records of
    /// the open window and the state the previous one returned; once the window's end has passed, a final
    /// invocation (<c>isFinalInvokeForWindow</c>) closes it. A response without <c>state</c> is a failure.
    /// </summary>
    private void PollWindow(StreamShard shard, Lane lane, DateTimeOffset now)
    {
        var size = TimeSpan.FromSeconds(Spec.TumblingWindowInSeconds!.Value);
        if (lane.WindowStart is null)
        {
            if (lane.Pending.Count == 0) return;
            var arrived = lane.Pending[0].ArrivedAt.ToUnixTimeMilliseconds();
            lane.WindowStart = DateTimeOffset.FromUnixTimeMilliseconds(arrived - arrived % (long)size.TotalMilliseconds);
        }
        var end = lane.WindowStart.Value + size;
        var batch = lane.Pending.TakeWhile(r => r.ArrivedAt < end).Take(BatchSize).ToList();
        var final = now >= end && batch.Count == lane.Pending.TakeWhile(r => r.ArrivedAt < end).Count();
        if (batch.Count == 0 && !final) return;

        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(batch.Select(r => (JsonNode)r.Record.DeepClone()).ToArray()),
            ["window"] = new JsonObject { ["start"] = AwsIdentity.IsoSeconds(lane.WindowStart.Value), ["end"] = AwsIdentity.IsoSeconds(end) },
            ["state"] = lane.State.DeepClone(),
            ["shardId"] = shard.Id,
            ["eventSourceARN"] = source.Arn,
            ["isFinalInvokeForWindow"] = final,
            ["isWindowTerminatedEarly"] = false,
        };
        var (response, duration) = engine.Functions.InvokeForMapping(Spec.FunctionName, payload.ToJsonString());
        lane.BusyUntil = now + duration;
        if (response.StatusCode != 200) return;
        var state = response.FunctionError is null ? EventJson.ParseOrNull(response.Payload)?["state"] : null;
        if (state is null)
        {
            if (batch.Count > 0) Fail(shard, lane, batch, now, bisect: false); // a response without state counts as failed
            return;
        }
        lane.Pending.RemoveRange(0, batch.Count);
        lane.Attempts = 0;
        lane.State = state.DeepClone();
        if (final)
        {
            lane.WindowStart = null;
            lane.State = new JsonObject();
        }
    }

    private bool Passes(StreamEntry entry) =>
        Filters.IsEmpty || Filters.Matches(entry.Record, source.IsKinesis ? "data" : "dynamodb", source.IsKinesis ? entry.Data : null);

    private static void Advance(Lane lane, int count)
    {
        lane.Pending.RemoveRange(0, count);
        lane.Attempts = 0;
        lane.BisectSize = null;
    }

    private void Fail(StreamShard shard, Lane lane, List<StreamEntry> batch, DateTimeOffset now, bool bisect)
    {
        if (bisect)
        {
            lane.BisectSize = (batch.Count + 1) / 2; // halving does not use up a retry
            return;
        }
        lane.Attempts++;
        var retriesUsedUp = Spec.MaximumRetryAttempts is >= 0 and var max && lane.Attempts > max;
        var tooOld = Spec.MaximumRecordAgeInSeconds is > 0 and var age && now - batch[0].ArrivedAt > TimeSpan.FromSeconds(age);
        if (!retriesUsedUp && !tooOld) return;
        Discard(shard, batch, retriesUsedUp ? "RetryAttemptsExhausted" : engine.Settings.RecordAgeExceededCondition, lane.Attempts, now);
        Advance(lane, batch.Count);
    }

    /// <summary>Sends the description of a discarded batch to the on-failure destination (§15.11).</summary>
    private void Discard(StreamShard shard, List<StreamEntry> batch, string condition, int attempts, DateTimeOffset now)
    {
        if (Spec.OnFailureDestination is not { } destination) return;
        var info = new StreamBatchInfo(shard.Id, batch[0].SequenceNumber, batch[^1].SequenceNumber, AwsIdentity.Iso(batch[0].ArrivedAt),
            AwsIdentity.Iso(batch[^1].ArrivedAt), batch.Count, source.Arn);
        var payload = destination.StartsWith("arn:aws:s3:", StringComparison.Ordinal)
            ? EventJson.Serialize(new JsonObject { ["Records"] = new JsonArray(batch.Select(r => (JsonNode)r.Record.DeepClone()).ToArray()) })
            : null;
        var record = new StreamFailureRecord(
            new StreamFailureRequestContext(engine.Ids.Uuid(), engine.Ids.FunctionArn(Spec.FunctionName), condition, attempts),
            new AsyncResponseContext(200, "$LATEST", engine.Settings.FunctionErrorHeader), "1.0", AwsIdentity.Iso(now),
            source.IsKinesis ? info : null, source.IsKinesis ? null : info, payload);
        engine.Functions.DeliverToDestination(destination, EventJson.Serialize(record), now);
    }
}
