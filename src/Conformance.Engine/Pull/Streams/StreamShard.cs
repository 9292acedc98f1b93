using System.Numerics;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// One record of a Kinesis or DynamoDB stream shard: its sequence number, the key that orders it (the
/// partition key, or the item's key), when it arrived, and the record as Lambda delivers it, built as
/// JSON only when a filter, a function or a report reads it.
/// </summary>
internal sealed class StreamEntry(BigInteger sequence, string orderingKey, DateTimeOffset arrivedAt, Func<JsonObject> record, string? data)
{
    private readonly Lazy<JsonObject> record = new(record);

    public BigInteger Sequence { get; } = sequence;
    public string OrderingKey { get; } = orderingKey;
    public DateTimeOffset ArrivedAt { get; } = arrivedAt;

    /// <summary>The record as Lambda delivers it.</summary>
    public JsonObject Record => record.Value;

    /// <summary>The record's data as put (Kinesis), for filters and the payload bound; null for DynamoDB.</summary>
    public string? Data { get; } = data;

    public string SequenceNumber => Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A shard: its id and its records in sequence order; records past the retention period are trimmed.</summary>
internal sealed class StreamShard(string id, BigInteger firstSequence)
{
    private BigInteger next = firstSequence;

    public string Id { get; } = id;
    public List<StreamEntry> Records { get; } = [];

    /// <summary>Records trimmed so far; positions in <see cref="Records"/> are offset by this count.</summary>
    public int Trimmed { get; private set; }

    public event Action<StreamEntry>? Appended;

    public BigInteger NextSequence(int step) => next += step;

    public void Append(StreamEntry entry)
    {
        Records.Add(entry);
        Appended?.Invoke(entry);
    }

    public void Trim(DateTimeOffset now, TimeSpan retention)
    {
        var expired = Records.TakeWhile(r => now - r.ArrivedAt > retention).Count();
        if (expired == 0) return;
        Records.RemoveRange(0, expired);
        Trimmed += expired;
    }
}

/// <summary>A Kinesis stream or a DynamoDB table's stream, as an event source mapping sees it.</summary>
internal interface IStreamSource
{
    string Arn { get; }
    IReadOnlyList<StreamShard> Shards { get; }
    TimeSpan Retention { get; }

    /// <summary><c>Kinesis</c> or <c>DynamoDB</c>: the record shape, filter key and failure record differ.</summary>
    bool IsKinesis { get; }
}
