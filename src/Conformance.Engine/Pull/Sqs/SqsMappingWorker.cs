using Conformance.Core.Functions;
using Conformance.Engine.Invocation;
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
            var batch = poll.Batch;
            if (batch is null) break;
            Process(batch, now);
        }
        if (poller.Queue.NextVisibleAt(now) is { } next) Schedule(next);
    }

    private void Process(IReadOnlyList<StoredMessage> batch, DateTimeOffset now)
    {
        // Each message as received now: its event record is built only when a filter or a reader needs it.
        var kept = new List<ReceivedMessage>(batch.Count);
        foreach (var message in batch)
        {
            var received = ReceivedMessage.Of(message);
            if (Filter.Keeps(() => EventJson.ToNode(poller.Record(received)).AsObject(), message.Message.Body)) kept.Add(received);
            else poller.Queue.Delete(message); // SQS deletes the messages the filters reject
        }
        if (kept.Count == 0) return;

        var payload = new LazyPayload(() => EventJson.Serialize(new SqsEvent(kept.Select(poller.Record).ToList())), poller.MaximumEventBytes(kept));
        var result = sender.Send(Spec.FunctionName, payload, Spec.ReportsBatchItemFailures ? kept.Select(r => r.Stored.Id).ToHashSet() : null);
        batchesInFlight++;
        engine.Time.CreateTimer(_ =>
        {
            batchesInFlight--;
            Poll();
        }, null, result.Duration, Timeout.InfiniteTimeSpan);

        if (result.Outcome is BatchOutcome.Succeeded or BatchOutcome.PartiallyFailed)
            foreach (var received in kept.Where(r => !result.FailedItems.Contains(r.Stored.Id))) poller.Queue.Delete(received.Stored);
    }
}
