using System.Globalization;
using Conformance.Core.Functions;

namespace Conformance.Engine.Pull.Sqs;

/// <summary>A message in a queue, with the state SQS keeps for it.</summary>
internal sealed class StoredMessage(Guid uuid, QueueMessage message, DateTimeOffset sentAt, DateTimeOffset visibleAt, string? sequenceNumber)
{
    /// <summary>The message id; kept as 16 bytes and formatted when an event is built, since queues hold millions.</summary>
    public Guid Uuid { get; } = uuid;
    public string Id => Uuid.ToString();
    public QueueMessage Message { get; } = message;
    public DateTimeOffset SentAt { get; } = sentAt;
    public DateTimeOffset VisibleAt { get; set; } = visibleAt;
    public DateTimeOffset? FirstReceivedAt { get; set; }
    public int ReceiveCount { get; set; }
    public string? ReceiptHandle { get; set; }
    public bool InFlight { get; set; }
    public bool Deleted { get; set; }
    public string? SequenceNumber { get; } = sequenceNumber;

    /// <summary>The queue a redrive moved the message from (<c>DeadLetterQueueSourceArn</c>), in a dead-letter queue.</summary>
    public string? DeadLetterSourceArn { get; init; }

    /// <summary>Bumped at every state change, so stale entries in the hidden-message heap are ignored.</summary>
    public int Version { get; set; }

    internal LinkedListNode<StoredMessage>? Node { get; set; }
}

/// <summary>
/// An SQS queue as Lambda's poller sees it (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): received messages stay in the
/// queue, hidden for the visibility timeout, until deleted; each receive increments
/// <c>ApproximateReceiveCount</c>; a message received <c>maxReceiveCount</c> times moves to the
/// dead-letter queue on its next receive. FIFO queues deliver a message group in order and hold back a
/// group while one of its messages is in flight; a deduplication id seen in the last 5 minutes is dropped.
/// Visible messages of a standard queue wait in a list and hidden ones (delayed or in flight) in a heap
/// ordered by the time they become visible, so each operation costs about O(log n) at any queue size.
/// </summary>
internal sealed class SqsQueue(QueueSpec spec, string arn, Func<Guid> newId, Func<string> newReceiptHandle, TimeSpan deduplicationInterval)
{
    private readonly LinkedList<StoredMessage> all = new();
    private readonly LinkedList<StoredMessage> visible = new();
    private readonly PriorityQueue<(StoredMessage Message, int Version), (DateTimeOffset, long)> hidden = new();
    private readonly Dictionary<string, DateTimeOffset> deduplication = [];
    private long order;
    private long sequence = 18_000_000_000_000_000;
    private int inFlight;

    public QueueSpec Spec { get; } = spec;
    public string Arn { get; } = arn;
    public SqsQueue? DeadLetterQueue { get; set; }

    /// <summary>Called when a message may have become receivable (sent, or returned to the queue).</summary>
    public event Action? Available;

    public IEnumerable<StoredMessage> Messages => all;

    public string? Send(QueueMessage message, DateTimeOffset now)
    {
        if (Spec.Fifo)
        {
            var dedup = message.DeduplicationId ?? Conformance.Events.Generation.AwsIdentity.Md5Hex(message.Body);
            if (deduplication.TryGetValue(dedup, out var seen) && now - seen < deduplicationInterval) return null;
            deduplication[dedup] = now;
        }
        var delay = TimeSpan.FromSeconds(message.DelaySeconds ?? Spec.DelaySeconds);
        Add(new StoredMessage(newId(), message, now, now + delay, Spec.Fifo ? (++sequence).ToString(CultureInfo.InvariantCulture) + "000" : null), now);
        return all.Last!.Value.Id;
    }

    /// <summary>Moves a message from <paramref name="source"/>'s redrive into this queue as it is, naming the source queue.</summary>
    public void Accept(StoredMessage message, SqsQueue source, DateTimeOffset now) =>
        Add(new StoredMessage(message.Uuid, message.Message, message.SentAt, now, message.SequenceNumber)
        {
            ReceiveCount = message.ReceiveCount, DeadLetterSourceArn = source.Arn,
        }, now);

    private void Add(StoredMessage message, DateTimeOffset now)
    {
        message.Node = all.AddLast(message);
        if (message.VisibleAt <= now) visible.AddLast(message);
        else Hide(message);
        Available?.Invoke();
    }

    private void Hide(StoredMessage message)
    {
        message.Version++;
        hidden.Enqueue((message, message.Version), (message.VisibleAt, order++));
    }

    /// <summary>Moves the hidden messages whose time has come into the visible list.</summary>
    private void Reveal(DateTimeOffset now)
    {
        while (hidden.TryPeek(out var entry, out var key) && key.Item1 <= now)
        {
            hidden.Dequeue();
            var message = entry.Message;
            if (message.Deleted || message.Version != entry.Version) continue;
            if (message.InFlight)
            {
                message.InFlight = false;
                inFlight--;
            }
            visible.AddLast(message);
        }
    }

    public int CountReceivable(DateTimeOffset now)
    {
        Reveal(now);
        return Spec.Fifo ? visible.Count(m => !GroupBlocked(m, null)) : visible.Count;
    }

    /// <summary>Receives up to <paramref name="max"/> messages, making them invisible for the visibility timeout.</summary>
    public List<StoredMessage> Receive(int max, DateTimeOffset now)
    {
        Reveal(now);
        var received = new List<StoredMessage>();
        var node = Spec.Fifo ? FirstInOrder() : visible.First;
        while (node is not null && received.Count < max)
        {
            var next = node.Next;
            var message = node.Value;
            if (Spec.Fifo && GroupBlocked(message, received))
            {
                node = next;
                continue;
            }
            visible.Remove(node);
            if (DeadLetterQueue is not null && message.ReceiveCount >= Spec.MaxReceiveCount)
            {
                Remove(message); // redrive: the receive would exceed maxReceiveCount
                DeadLetterQueue.Accept(message, this, now);
            }
            else
            {
                message.ReceiveCount++;
                message.FirstReceivedAt ??= now;
                message.InFlight = true;
                inFlight++;
                message.VisibleAt = now + TimeSpan.FromSeconds(Spec.VisibilityTimeoutSeconds);
                message.ReceiptHandle = newReceiptHandle();
                Hide(message);
                received.Add(message);
            }
            node = next;
        }
        return received;
    }

    /// <summary>For a FIFO queue the visible list is kept in send order (returned messages go back in place).</summary>
    private LinkedListNode<StoredMessage>? FirstInOrder()
    {
        if (visible.Count > 1)
        {
            var ordered = visible.OrderBy(m => m.SequenceNumber!.Length).ThenBy(m => m.SequenceNumber, StringComparer.Ordinal).ToList();
            visible.Clear();
            foreach (var message in ordered) visible.AddLast(message);
        }
        return visible.First;
    }

    /// <summary>In a FIFO queue a group waits while an earlier message of it is in flight or not yet taken.</summary>
    private bool GroupBlocked(StoredMessage message, List<StoredMessage>? batch)
    {
        var group = message.Message.GroupId;
        foreach (var earlier in all)
        {
            if (earlier == message) return false;
            if (earlier.Message.GroupId == group && !(batch?.Contains(earlier) ?? false)) return true;
        }
        return false;
    }

    public void Delete(StoredMessage message)
    {
        if (message.InFlight)
        {
            message.InFlight = false;
            inFlight--;
        }
        else if (message.Node is not null && visible.Contains(message)) visible.Remove(message);
        Remove(message);
    }

    private void Remove(StoredMessage message)
    {
        message.Deleted = true;
        message.Version++;
        if (message.Node is not null) all.Remove(message.Node);
        message.Node = null;
    }

    /// <summary>Makes messages visible again at once (Lambda returning part of a batch it did not send).</summary>
    public void ReturnNow(IEnumerable<StoredMessage> batch, DateTimeOffset now)
    {
        foreach (var message in batch.Reverse())
        {
            if (message.InFlight)
            {
                message.InFlight = false;
                inFlight--;
            }
            message.Version++;
            message.VisibleAt = now;
            visible.AddFirst(message);
        }
        Available?.Invoke();
    }

    /// <summary>When the next hidden message becomes visible, if any.</summary>
    public DateTimeOffset? NextVisibleAt(DateTimeOffset now)
    {
        while (hidden.TryPeek(out var entry, out var key))
        {
            if (entry.Message.Deleted || entry.Message.Version != entry.Version)
            {
                hidden.Dequeue();
                continue;
            }
            return key.Item1 > now ? key.Item1 : now;
        }
        return null;
    }

    public QueueState State(DateTimeOffset now)
    {
        Reveal(now);
        return new QueueState(visible.Count, inFlight, all.Count - visible.Count - inFlight);
    }
}
