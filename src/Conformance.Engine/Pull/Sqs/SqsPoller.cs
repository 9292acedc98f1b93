using System.Globalization;
using System.Text;
using Conformance.Core.Functions;
using Conformance.Events.Generation;
using Conformance.Events.Sqs;

namespace Conformance.Engine.Pull.Sqs;

/// <summary>A message as it was received: its receive count, receipt handle and first receive, which later receives change.</summary>
internal readonly record struct ReceivedMessage(StoredMessage Stored, int ReceiveCount, string ReceiptHandle, DateTimeOffset? FirstReceivedAt)
{
    public static ReceivedMessage Of(StoredMessage stored) => new(stored, stored.ReceiveCount, stored.ReceiptHandle!, stored.FirstReceivedAt);
}

/// <summary>What one poll of the queue gave: a batch to process, or none (then perhaps when a batching window ends).</summary>
internal readonly record struct SqsPoll(IReadOnlyList<StoredMessage>? Batch, DateTimeOffset? WindowEnds);

/// <summary>
/// The polling stage of an SQS mapping (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). At each poll, while the
/// mapping may start another batch (concurrency starts at <see cref="EngineSettings.SqsInitialConcurrency"/>
/// batches and grows by <see cref="EngineSettings.SqsConcurrencyPerMinute"/> a minute while messages
/// wait, up to <c>ScalingConfig.MaximumConcurrency</c> or <see cref="EngineSettings.SqsConcurrencyCeiling"/>),
/// it waits out the batching window until the batch is full, then receives up to the batch size and at
/// most the synchronous payload limit. Received messages stay in the queue, hidden for the visibility timeout.
/// </summary>
internal sealed class SqsPoller(SqsQueue queue, EventSourceMappingSpec spec, EngineSettings settings)
{
    private DateTimeOffset? windowStart;
    private DateTimeOffset? backlogSince;

    public SqsQueue Queue => queue;

    private int BatchSize => spec.BatchSize ?? settings.SqsDefaultBatchSize;

    /// <summary>The next batch, if the mapping may start one now.</summary>
    /// <param name="now">The poll's time.</param>
    /// <param name="batchesInFlight">Batches the mapping's function is still processing.</param>
    public SqsPoll Next(DateTimeOffset now, int batchesInFlight)
    {
        var available = queue.CountReceivable(now);
        if (available == 0)
        {
            backlogSince = null;
            return default;
        }
        backlogSince ??= now;
        if (batchesInFlight >= ConcurrencyCap(now)) return default;
        var window = TimeSpan.FromSeconds(spec.MaximumBatchingWindowInSeconds ?? 0);
        if (window > TimeSpan.Zero && available < BatchSize)
        {
            windowStart ??= now;
            if (now < windowStart.Value + window) return new SqsPoll(null, windowStart.Value + window);
        }
        windowStart = null;
        var batch = LimitPayload(queue.Receive(BatchSize, now), now);
        return batch.Count == 0 ? default : new SqsPoll(batch, null);
    }

    private int ConcurrencyCap(DateTimeOffset now)
    {
        var ceiling = spec.MaximumConcurrency ?? settings.SqsConcurrencyCeiling;
        var minutes = backlogSince is null ? 0 : (int)(now - backlogSince.Value).TotalMinutes;
        return Math.Min(ceiling, settings.SqsInitialConcurrency + settings.SqsConcurrencyPerMinute * minutes);
    }

    /// <summary>A batch stops at the synchronous payload limit; the messages beyond go back at once.</summary>
    private List<StoredMessage> LimitPayload(List<StoredMessage> batch, DateTimeOffset now)
    {
        var total = 0;
        var kept = batch.TakeWhile(m => (total += Encoding.UTF8.GetByteCount(m.Message.Body) + settings.SqsRecordOverheadBytes) <= settings.SyncPayloadLimitBytes).ToList();
        if (kept.Count == 0 && batch.Count > 0) kept.Add(batch[0]);
        if (kept.Count < batch.Count) queue.ReturnNow(batch.Skip(kept.Count), now);
        return kept;
    }

    /// <summary>
    /// An upper bound of a batch's rendered size, without rendering it: per message six bytes for each
    /// character of its body, attributes, group and deduplication ids and the queue's ARN (the most JSON
    /// escaping can make of one), 128 bytes per attribute's fixed fields and 1 KB for the record's fixed
    /// fields (under 700 bytes).
    /// </summary>
    public long MaximumEventBytes(IEnumerable<ReceivedMessage> batch)
    {
        long total = 16;
        foreach (var received in batch)
        {
            var message = received.Stored.Message;
            long characters = message.Body.Length + (message.GroupId?.Length ?? 0) + (message.DeduplicationId?.Length ?? 0) + queue.Arn.Length;
            foreach (var (key, value) in message.Attributes) characters += key.Length + value.Length;
            total += 6 * characters + 128L * message.Attributes.Count + 1024;
        }
        return total;
    }

    /// <summary>A received message as the function's event carries it.</summary>
    public SqsMessage Record(ReceivedMessage received)
    {
        var stored = received.Stored;
        var message = stored.Message;
        var attributes = message.Attributes.ToDictionary(a => a.Key, a => new SqsMessageAttribute(a.Value, null, [], [], "String"));
        var system = new SqsMessageSystemAttributes(received.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            stored.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), settings.AccountId,
            (received.FirstReceivedAt ?? stored.SentAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            stored.SequenceNumber, message.GroupId, queue.Spec.Fifo ? message.DeduplicationId ?? AwsIdentity.Md5Hex(message.Body) : null,
            message.TraceHeader, stored.DeadLetterSourceArn);
        return new SqsMessage(stored.Id, received.ReceiptHandle, message.Body, system, attributes, AwsIdentity.Md5Hex(message.Body),
            SqsMessageAttributeDigest.Compute(attributes), "aws:sqs", queue.Arn, settings.Region);
    }
}
