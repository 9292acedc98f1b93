using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Invocation;
using Conformance.Engine.Pull.Batches;
using Conformance.Events;
using Conformance.Events.Generation;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// The worker of a Kinesis or DynamoDB Streams mapping
/// (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html). At each
/// poll the <see cref="StreamPoller"/> gives each free lane's next batch and the <see cref="BatchSender"/>
/// invokes the function with it. On success the lane moves past the batch; with a valid partial batch
/// response it moves to the lowest failed sequence number. On failure the lane retries the same records
/// at the next poll, blocking the lane: with <c>BisectBatchOnFunctionError</c> the batch is halved first
/// (halving uses no retry); once <c>MaximumRetryAttempts</c> is used up or a record is older than
/// <c>MaximumRecordAgeInSeconds</c>, the batch is discarded (<see cref="StreamFailureRecords"/>) and the
/// lane moves on. A throttled invocation never reached the function and is retried without counting.
/// </summary>
internal sealed class StreamMappingWorker : EventSourceMapping
{
    private readonly EngineParts engine;
    private readonly StreamPoller poller;
    private readonly BatchSender sender;
    private readonly StreamFailureRecords failures;
    private ITimer? timer;

    public StreamMappingWorker(EngineParts engine, IStreamSource source, string uuid, EventSourceMappingSpec spec, BatchFilter filter) : base(uuid, spec, filter)
    {
        this.engine = engine;
        poller = new StreamPoller(source, spec, engine.Settings, filter);
        sender = new BatchSender(engine.Functions, engine.Settings);
        failures = new StreamFailureRecords(engine, source, spec);
    }

    /// <summary>The event of a batch, and the S3 on-failure payload: <c>{"Records": [...]}</c>.</summary>
    internal static JsonObject RecordsEvent(List<StreamEntry> batch) =>
        new() { ["Records"] = new JsonArray(batch.Select(r => (JsonNode)r.Record.DeepClone()).ToArray()) };

    internal static string RecordsJson(List<StreamEntry> batch) => EventJson.Serialize(RecordsEvent(batch));

    protected override void OnEnabled()
    {
        timer?.Dispose();
        timer = engine.Time.CreateTimer(_ => Poll(), null, poller.Interval, poller.Interval);
    }

    private void Poll()
    {
        if (State != MappingState.Enabled) return;
        var now = engine.Time.GetUtcNow();
        foreach (var (shard, lane) in poller.ReadyLanes(now))
        {
            if (Spec.TumblingWindowInSeconds is > 0) PollWindow(shard, lane, now);
            else if (poller.NextBatch(lane, now) is { } batch && WithoutExpired(shard, lane, batch, now) is { Count: > 0 } live) Send(shard, lane, live, now);
        }
    }

    private void Send(StreamShard shard, StreamLane lane, List<StreamEntry> batch, DateTimeOffset now)
    {
        var payload = new LazyPayload(() => RecordsJson(batch), poller.MaximumEventBytes(batch));
        var result = sender.Send(Spec.FunctionName, payload, Spec.ReportsBatchItemFailures ? batch.Select(r => r.SequenceNumber).ToHashSet() : null);
        lane.BusyUntil = now + result.Duration;
        switch (result.Outcome)
        {
            case BatchOutcome.NotDelivered:
                return; // throttled: never reached the function, retried without counting
            case BatchOutcome.Succeeded:
                lane.Advance(batch.Count);
                return;
            case BatchOutcome.PartiallyFailed:
                // The retry starts at the lowest sequence number reported; the records before it are done.
                var done = batch.FindIndex(r => result.FailedItems.Contains(r.SequenceNumber));
                lane.Pending.RemoveRange(0, done);
                Fail(shard, lane, batch.Skip(done).ToList(), now, bisect: false);
                return;
            default:
                Fail(shard, lane, batch, now, bisect: Spec.BisectBatchOnFunctionError == true && batch.Count > 1);
                return;
        }
    }

    /// <summary>
    /// Tumbling windows (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html):
    /// windows of <c>TumblingWindowInSeconds</c> aligned on arrival time; each invocation gets the records of
    /// the open window and the state the previous one returned; once the window's end has passed, a final
    /// invocation (<c>isFinalInvokeForWindow</c>) closes it. A response without <c>state</c> is a failure.
    /// </summary>
    private void PollWindow(StreamShard shard, StreamLane lane, DateTimeOffset now)
    {
        var size = TimeSpan.FromSeconds(Spec.TumblingWindowInSeconds!.Value);
        if (lane.WindowStart is null)
        {
            if (lane.Pending.Count == 0) return;
            var arrived = lane.Pending[0].ArrivedAt.ToUnixTimeMilliseconds();
            lane.WindowStart = DateTimeOffset.FromUnixTimeMilliseconds(arrived - arrived % (long)size.TotalMilliseconds);
        }
        var end = lane.WindowStart.Value + size;
        var inWindow = lane.Pending.TakeWhile(r => r.ArrivedAt < end).ToList();
        var batch = inWindow.Take(poller.BatchSize).ToList();
        var final = now >= end && batch.Count == inWindow.Count;
        if (batch.Count == 0 && !final) return;

        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(batch.Select(r => (JsonNode)r.Record.DeepClone()).ToArray()),
            ["window"] = new JsonObject { ["start"] = AwsIdentity.IsoSeconds(lane.WindowStart.Value), ["end"] = AwsIdentity.IsoSeconds(end) },
            ["state"] = lane.State.DeepClone(),
            ["shardId"] = shard.Id,
            ["eventSourceARN"] = poller.Source.Arn,
            ["isFinalInvokeForWindow"] = final,
            ["isWindowTerminatedEarly"] = false,
        };
        var result = sender.Send(Spec.FunctionName, new LazyPayload(() => payload.ToJsonString()), reportedItems: null);
        lane.BusyUntil = now + result.Duration;
        if (result.Outcome == BatchOutcome.NotDelivered) return;
        var state = result.Outcome == BatchOutcome.Succeeded ? EventJson.ParseOrNull(result.Response.Payload)?["state"] : null;
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

    /// <summary>
    /// Records already older than <c>MaximumRecordAgeInSeconds</c> before they are sent are discarded
    /// without an invocation, as a record-age batch of their own with an invoke count of at least 1 (as
    /// recorded on AWS); the rest of the batch goes on.
    /// </summary>
    private List<StreamEntry> WithoutExpired(StreamShard shard, StreamLane lane, List<StreamEntry> batch, DateTimeOffset now)
    {
        var expired = batch.TakeWhile(r => TooOld(r, now)).ToList();
        if (expired.Count == 0) return batch;
        failures.Discard(shard, expired, engine.Settings.RecordAgeExceededCondition, Math.Max(lane.Attempts, 1), withResponse: false, now);
        lane.Advance(expired.Count);
        return batch.Skip(expired.Count).ToList();
    }

    /// <summary>Whether a record is older than the mapping's <c>MaximumRecordAgeInSeconds</c> (never, without one).</summary>
    private bool TooOld(StreamEntry record, DateTimeOffset now) =>
        Spec.MaximumRecordAgeInSeconds is > 0 and var age && now - record.ArrivedAt > TimeSpan.FromSeconds(age);

    private void Fail(StreamShard shard, StreamLane lane, List<StreamEntry> batch, DateTimeOffset now, bool bisect)
    {
        if (bisect)
        {
            lane.BisectSize = (batch.Count + 1) / 2; // halving does not use up a retry
            return;
        }
        lane.Attempts++;
        var retriesUsedUp = Spec.MaximumRetryAttempts is >= 0 and var max && lane.Attempts > max;
        if (!retriesUsedUp && !TooOld(batch[0], now)) return;
        failures.Discard(shard, batch, retriesUsedUp ? "RetryAttemptsExhausted" : engine.Settings.RecordAgeExceededCondition, lane.Attempts, withResponse: retriesUsedUp, now);
        lane.Advance(batch.Count);
    }
}
