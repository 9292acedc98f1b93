using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Pull.Filtering;
using Conformance.Events;
using Conformance.Events.Generation;
using Conformance.Events.Sqs;

namespace Conformance.Engine.Pull.Sqs;

/// <summary>
/// The SQS poller of one mapping (lambda-semantics.md §8). The algorithm, at each poll:
/// 1. while the mapping may start another batch (concurrency starts at 5 batches and grows by 300 a
///    minute while messages wait, up to 1,250 or <c>ScalingConfig.MaximumConcurrency</c>):
/// 2. with a batching window, wait until the batch is full or the window has passed;
/// 3. receive up to the batch size (and at most 6 MB); messages stay in the queue, hidden for the
///    visibility timeout; a message past <c>maxReceiveCount</c> goes to the queue's DLQ instead;
/// 4. delete the messages the filters reject; invoke the function synchronously with the rest;
/// 5. on success delete the batch; on a function error (or throttle) delete nothing, so every message
///    returns after the visibility timeout; with <c>ReportBatchItemFailures</c>, delete all but the
///    reported failures, where an invalid report fails the whole batch;
/// 6. poll again when an execution ends or the next hidden message becomes visible.
/// </summary>
internal sealed class SqsMappingWorker : EventSourceMapping
{
    private readonly EngineParts engine;
    private readonly SqsQueue queue;
    private readonly HashSet<DateTimeOffset> scheduled = [];
    private int batchesInFlight;
    private DateTimeOffset? windowStart;
    private DateTimeOffset? backlogSince;

    public SqsMappingWorker(EngineParts engine, SqsQueue queue, string uuid, EventSourceMappingSpec spec, FilterCriteria filters) : base(uuid, spec, filters)
    {
        this.engine = engine;
        this.queue = queue;
        queue.Available += () => Schedule(engine.Time.GetUtcNow());
    }

    private int BatchSize => Spec.BatchSize ?? engine.Settings.SqsDefaultBatchSize;

    protected override void OnEnabled() => Schedule(engine.Time.GetUtcNow());

    private void Schedule(DateTimeOffset at)
    {
        if (!scheduled.Add(at)) return;
        ITimer? timer = null;
        timer = engine.Time.CreateTimer(_ =>
        {
            timer!.Dispose();
            scheduled.Remove(at);
            Poll();
        }, null, at - engine.Time.GetUtcNow(), Timeout.InfiniteTimeSpan);
    }

    private int ConcurrencyCap(DateTimeOffset now)
    {
        var ceiling = Spec.MaximumConcurrency ?? engine.Settings.SqsConcurrencyCeiling;
        var minutes = backlogSince is null ? 0 : (int)((now - backlogSince.Value).TotalMinutes);
        return Math.Min(ceiling, engine.Settings.SqsInitialConcurrency + engine.Settings.SqsConcurrencyPerMinute * minutes);
    }

    private void Poll()
    {
        if (State != MappingState.Enabled) return;
        var now = engine.Time.GetUtcNow();
        while (true)
        {
            var available = queue.CountReceivable(now);
            if (available == 0)
            {
                backlogSince = null;
                break;
            }
            backlogSince ??= now;
            if (batchesInFlight >= ConcurrencyCap(now)) break;
            var window = TimeSpan.FromSeconds(Spec.MaximumBatchingWindowInSeconds ?? 0);
            if (window > TimeSpan.Zero && available < BatchSize)
            {
                windowStart ??= now;
                if (now < windowStart.Value + window)
                {
                    Schedule(windowStart.Value + window);
                    break;
                }
            }
            windowStart = null;
            var batch = LimitPayload(queue.Receive(BatchSize, now), now);
            if (batch.Count == 0) break;
            Process(batch, now);
        }
        if (queue.NextVisibleAt(now) is { } next) Schedule(next);
    }

    /// <summary>A batch stops at 6 MB of event payload; the messages beyond go back at once.</summary>
    private List<StoredMessage> LimitPayload(List<StoredMessage> batch, DateTimeOffset now)
    {
        var total = 0;
        var kept = batch.TakeWhile(m => (total += Encoding.UTF8.GetByteCount(m.Message.Body) + engine.Settings.SqsRecordOverheadBytes) <= engine.Settings.SyncPayloadLimitBytes).ToList();
        if (kept.Count == 0 && batch.Count > 0) kept.Add(batch[0]);
        if (kept.Count < batch.Count) queue.ReturnNow(batch.Skip(kept.Count), now);
        return kept;
    }

    private void Process(List<StoredMessage> batch, DateTimeOffset now)
    {
        var records = batch.Select(m => (Message: m, Record: Record(m))).ToList();
        var rejected = Filters.IsEmpty ? [] : records.Where(r => !Filters.Matches(JsonNode.Parse(EventJson.Serialize(r.Record))!.AsObject(), "body", r.Message.Message.Body)).ToList();
        foreach (var (message, _) in rejected) queue.Delete(message); // §11: SQS deletes messages the filters reject
        FilteredOut += rejected.Count;
        var kept = records.Except(rejected).ToList();
        if (kept.Count == 0) return;

        var payload = EventJson.Serialize(new SqsEvent(kept.Select(r => r.Record).ToList()));
        var (response, duration) = engine.Functions.InvokeForMapping(Spec.FunctionName, payload);
        batchesInFlight++;
        engine.Time.CreateTimer(_ =>
        {
            batchesInFlight--;
            Poll();
        }, null, duration, Timeout.InfiniteTimeSpan);

        if (response.StatusCode != 200 || response.FunctionError is not null) return; // all return after the visibility timeout
        IReadOnlyList<string>? failed = Spec.ReportsBatchItemFailures ? BatchItemFailures.Read(response.Payload, kept.Select(r => r.Message.Id).ToHashSet(), engine.Settings) : [];
        if (failed is null) return; // an invalid report fails the whole batch
        foreach (var (message, _) in kept.Where(r => !failed.Contains(r.Message.Id))) queue.Delete(message);
    }

    private SqsMessage Record(StoredMessage stored)
    {
        var message = stored.Message;
        var attributes = message.Attributes.ToDictionary(a => a.Key, a => new SqsMessageAttribute(a.Value, null, [], [], "String"));
        var system = new SqsMessageSystemAttributes(stored.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            stored.SentAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), engine.Settings.AccountId,
            (stored.FirstReceivedAt ?? stored.SentAt).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            stored.SequenceNumber, message.GroupId, queue.Spec.Fifo ? message.DeduplicationId ?? AwsIdentity.Md5Hex(message.Body) : null);
        return new SqsMessage(stored.Id, stored.ReceiptHandle!, message.Body, system, attributes, AwsIdentity.Md5Hex(message.Body),
            SqsMessageAttributeDigest.Compute(attributes), "aws:sqs", queue.Arn, engine.Settings.Region);
    }
}
