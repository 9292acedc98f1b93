using System.Globalization;
using Conformance.Core.Functions;

namespace Conformance.Engine.Pull.Sqs;

/// <summary>A message in a queue, with the state SQS keeps for it.</summary>
internal sealed class StoredMessage(string id, QueueMessage message, DateTimeOffset sentAt, DateTimeOffset visibleAt, string? sequenceNumber)
{
    public string Id { get; } = id;
    public QueueMessage Message { get; } = message;
    public DateTimeOffset SentAt { get; } = sentAt;
    public DateTimeOffset VisibleAt { get; set; } = visibleAt;
    public DateTimeOffset? FirstReceivedAt { get; set; }
    public int ReceiveCount { get; set; }
    public string? ReceiptHandle { get; set; }
    public bool InFlight { get; set; }
    public string? SequenceNumber { get; } = sequenceNumber;
}

/// <summary>
/// An SQS queue as Lambda's poller sees it (lambda-semantics.md §8): received messages stay in the
/// queue, hidden for the visibility timeout, until deleted; each receive increments
/// <c>ApproximateReceiveCount</c>; a message received more than <c>maxReceiveCount</c> times moves to
/// the dead-letter queue instead. FIFO queues deliver a message group in order and hold back a group
/// while one of its messages is in flight; a deduplication id seen in the last 5 minutes is dropped.
/// </summary>
internal sealed class SqsQueue(QueueSpec spec, string arn, Func<string> newId, Func<string> newReceiptHandle)
{
    private static readonly TimeSpan DeduplicationInterval = TimeSpan.FromMinutes(5);

    private readonly List<StoredMessage> messages = [];
    private readonly Dictionary<string, DateTimeOffset> deduplication = [];
    private long sequence = 18_000_000_000_000_000;

    public QueueSpec Spec { get; } = spec;
    public string Arn { get; } = arn;
    public SqsQueue? DeadLetterQueue { get; set; }

    /// <summary>Called when a message may have become receivable (sent, or returned to the queue).</summary>
    public event Action? Available;

    public string? Send(QueueMessage message, DateTimeOffset now)
    {
        if (Spec.Fifo)
        {
            var dedup = message.DeduplicationId ?? Conformance.Events.Generation.AwsIdentity.Md5Hex(message.Body);
            if (deduplication.TryGetValue(dedup, out var seen) && now - seen < DeduplicationInterval) return null;
            deduplication[dedup] = now;
        }
        var delay = TimeSpan.FromSeconds(message.DelaySeconds ?? Spec.DelaySeconds);
        var stored = new StoredMessage(newId(), message, now, now + delay, Spec.Fifo ? (++sequence).ToString(CultureInfo.InvariantCulture) + "000" : null);
        messages.Add(stored);
        Available?.Invoke();
        return stored.Id;
    }

    /// <summary>Moves a message (from a source queue's redrive) into this queue as it is.</summary>
    public void Accept(StoredMessage message, DateTimeOffset now)
    {
        messages.Add(new StoredMessage(message.Id, message.Message, message.SentAt, now, message.SequenceNumber));
        Available?.Invoke();
    }

    private bool Receivable(StoredMessage m, DateTimeOffset now) => !m.InFlight && m.VisibleAt <= now;

    public int CountReceivable(DateTimeOffset now)
    {
        ReturnExpired(now);
        return messages.Count(m => Receivable(m, now) && !GroupBlocked(m));
    }

    /// <summary>Receives up to <paramref name="max"/> messages, making them invisible for the visibility timeout.</summary>
    public List<StoredMessage> Receive(int max, DateTimeOffset now)
    {
        ReturnExpired(now);
        var received = new List<StoredMessage>();
        foreach (var message in messages.ToList())
        {
            if (received.Count >= max) break;
            if (!Receivable(message, now) || GroupBlocked(message, received)) continue;
            if (DeadLetterQueue is not null && message.ReceiveCount >= Spec.MaxReceiveCount)
            {
                messages.Remove(message); // redrive: received more than maxReceiveCount times
                DeadLetterQueue.Accept(message, now);
                continue;
            }
            message.ReceiveCount++;
            message.FirstReceivedAt ??= now;
            message.InFlight = true;
            message.VisibleAt = now + TimeSpan.FromSeconds(Spec.VisibilityTimeoutSeconds);
            message.ReceiptHandle = newReceiptHandle();
            received.Add(message);
        }
        return received;
    }

    /// <summary>In a FIFO queue a group waits while one of its messages is in flight (or earlier in this batch... ordered).</summary>
    private bool GroupBlocked(StoredMessage message, List<StoredMessage>? batch = null)
    {
        if (!Spec.Fifo) return false;
        var group = message.Message.GroupId;
        var firstOfGroup = messages.First(m => m.Message.GroupId == group);
        if (firstOfGroup.InFlight && !(batch?.Contains(firstOfGroup) ?? false)) return true;
        // Only the group's earliest pending messages may be taken, in order.
        return messages.Where(m => m.Message.GroupId == group).TakeWhile(m => m != message).Any(m => !(batch?.Contains(m) ?? false));
    }

    public void Delete(StoredMessage message) => messages.Remove(message);

    /// <summary>Makes messages visible again at once (Lambda returning a batch it could not process).</summary>
    public void ReturnNow(IEnumerable<StoredMessage> batch, DateTimeOffset now)
    {
        foreach (var message in batch)
        {
            message.InFlight = false;
            message.VisibleAt = now;
        }
        Available?.Invoke();
    }

    private void ReturnExpired(DateTimeOffset now)
    {
        foreach (var message in messages.Where(m => m.InFlight && m.VisibleAt <= now)) message.InFlight = false;
    }

    /// <summary>When the next hidden message becomes visible, if any.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now) =>
        messages.Where(m => m.VisibleAt > now).Select(m => (DateTimeOffset?)m.VisibleAt).Min();

    public QueueState State(DateTimeOffset now)
    {
        ReturnExpired(now);
        return new QueueState(messages.Count(m => !m.InFlight && m.VisibleAt <= now), messages.Count(m => m.InFlight),
            messages.Count(m => !m.InFlight && m.VisibleAt > now));
    }

    public IReadOnlyList<StoredMessage> Messages => messages;
}
