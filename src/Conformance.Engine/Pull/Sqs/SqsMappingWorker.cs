using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Pull.Batches;
using Conformance.Events;
using Conformance.Events.Sqs;

namespace Conformance.Engine.Pull.Sqs;

/// <summary>
/// The worker of one SQS mapping (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html):
/// it runs the stages while the mapping is enabled. The <see cref="SqsPoller"/> receives a batch; the
/// <see cref="BatchFilter"/> drops the messages the filters reject, which SQS deletes; the
/// <see cref="BatchSender"/> invokes the function with the rest. On success the batch is deleted; on a
/// function error, a throttle or an invalid partial batch response nothing is, so every message returns
/// after the visibility timeout (and a message past <c>maxReceiveCount</c> goes to the queue's DLQ at its
/// next receive); a valid partial batch response deletes all but the reported failures. The worker
/// polls again when an execution ends or the next hidden message becomes visible.
/// </summary>
internal sealed class SqsMappingWorker : EventSourceMapping
{
    private readonly EngineParts engine;
    private readonly SqsPoller poller;
    private readonly BatchSender sender;
    private readonly HashSet<DateTimeOffset> scheduled = [];
    private int batchesInFlight;

    public SqsMappingWorker(EngineParts engine, SqsQueue queue, string uuid, EventSourceMappingSpec spec, BatchFilter filter) : base(uuid, spec, filter)
    {
        this.engine = engine;
        poller = new SqsPoller(queue, spec, engine.Settings);
        sender = new BatchSender(engine.Functions, engine.Settings);
        queue.Available += () => Schedule(engine.Time.GetUtcNow());
    }

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

    private void Poll()
    {
        if (State != MappingState.Enabled) return;
        var now = engine.Time.GetUtcNow();
        while (true)
        {
            var poll = poller.Next(now, batchesInFlight);
            if (poll.WindowEnds is { } windowEnds) Schedule(windowEnds);
            if (poll.Batch is not { } batch) break;
            Process(batch, now);
        }
        if (poller.Queue.NextVisibleAt(now) is { } next) Schedule(next);
    }

    private void Process(IReadOnlyList<StoredMessage> batch, DateTimeOffset now)
    {
        var kept = new List<(StoredMessage Message, SqsMessage Record)>(batch.Count);
        foreach (var message in batch)
        {
            var record = poller.Record(message);
            if (Filter.Keeps(() => JsonNode.Parse(EventJson.Serialize(record))!.AsObject(), message.Message.Body)) kept.Add((message, record));
            else poller.Queue.Delete(message); // SQS deletes the messages the filters reject
        }
        if (kept.Count == 0) return;

        var payload = EventJson.Serialize(new SqsEvent(kept.Select(r => r.Record).ToList()));
        var result = sender.Send(Spec.FunctionName, payload, Spec.ReportsBatchItemFailures ? kept.Select(r => r.Message.Id).ToHashSet() : null);
        batchesInFlight++;
        engine.Time.CreateTimer(_ =>
        {
            batchesInFlight--;
            Poll();
        }, null, result.Duration, Timeout.InfiniteTimeSpan);

        if (result.Outcome is BatchOutcome.Succeeded or BatchOutcome.PartiallyFailed)
            foreach (var (message, _) in kept.Where(r => !result.FailedItems.Contains(r.Message.Id))) poller.Queue.Delete(message);
    }
}
