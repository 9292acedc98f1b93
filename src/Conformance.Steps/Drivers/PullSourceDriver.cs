using System.Text;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Drives the pull sources: queues, streams, tables and the event source mappings that read them.</summary>
public sealed class PullSourceDriver(ITarget target, FunctionDriver function, ObservationWindow window)
{
    private readonly Dictionary<string, string> arns = new(StringComparer.Ordinal);
    private ApiResult? lastMapping;
    private string? mappingId;

    public async Task CreateQueueAsync(QueueSpec queue)
    {
        var (result, arn) = await target.Facet<ISqsSource>().CreateQueueAsync(queue);
        Expect(result, $"create the queue {queue.Name}");
        arns[queue.Name] = arn!;
    }

    public async Task CreateStreamAsync(string name, int shards)
    {
        var (result, arn) = await target.Facet<IKinesisSource>().CreateStreamAsync(name, shards);
        Expect(result, $"create the stream {name}");
        arns[name] = arn!;
    }

    public async Task CreateTableAsync(TableSpec table)
    {
        var (result, arn) = await target.Facet<IDynamoDbSource>().CreateTableAsync(table);
        Expect(result, $"create the table {table.Name}");
        arns[table.Name] = arn!;
    }

    /// <summary>True when <paramref name="source"/> is a Kinesis stream or a DynamoDB table stream.</summary>
    public bool IsStream(string source) => Core.Resources.Arn.ServiceOf(ArnOf(source)) is "kinesis" or "dynamodb";

    /// <summary>The ARN the target gave the queue, stream or table <paramref name="source"/> when it created it.</summary>
    public string ArnOf(string source) => arns.TryGetValue(source, out var arn) ? arn : throw new InvalidOperationException($"No queue, stream or table named '{source}' was created before this step.");

    /// <summary>Creates a mapping from <paramref name="source"/> to the function; <see cref="ExpectMappingCreated"/> or a rejection step checks it.</summary>
    public async Task MapAsync(string source, Func<EventSourceMappingSpec, EventSourceMappingSpec> configure)
    {
        (lastMapping, mappingId) = await target.Facet<IEventSourceMappings>().CreateEventSourceMappingAsync(configure(new EventSourceMappingSpec(ArnOf(source), function.Name)));
        window.Acted();
    }

    public void ExpectMappingCreated()
    {
        if (lastMapping is not { Succeeded: true }) throw new InvalidOperationException($"The target refused the event source mapping: {lastMapping}");
    }

    public void ExpectMappingAccepted() => Rejection.ExpectAccepted(lastMapping, "mapping");

    public void ExpectMappingRejected(string errorType, string? messagePart = null) => Rejection.Expect(lastMapping, "mapping", errorType, messagePart);

    public async Task SetEnabledAsync(bool enabled)
    {
        Expect(await target.Facet<IEventSourceMappings>().SetEventSourceMappingEnabledAsync(mappingId ?? throw new InvalidOperationException("No mapping was created before this step."), enabled), "change the mapping");
        window.Acted();
    }

    public async Task SendAsync(string queue, QueueMessage message)
    {
        Expect((await target.Facet<ISqsSource>().SendMessageAsync(queue, message)).Result, $"send to {queue}");
        window.Acted();
    }

    public async Task SendBatchAsync(string queue, IReadOnlyList<QueueMessage> messages)
    {
        Expect(await target.Facet<ISqsSource>().SendMessageBatchAsync(queue, messages), $"send to {queue}");
        window.Acted();
    }

    public async Task PutRecordsAsync(string stream, IReadOnlyList<(string, string)> records)
    {
        Expect(await target.Facet<IKinesisSource>().PutRecordsAsync(stream, records), $"put into {stream}");
        window.Acted();
    }

    public async Task PutRecordAsync(string stream, string partitionKey, string data)
    {
        Expect((await target.Facet<IKinesisSource>().PutRecordAsync(stream, partitionKey, data)).Result, $"put into {stream}");
        window.Acted();
    }

    public async Task PutItemAsync(string table, string item)
    {
        Expect(await target.Facet<IDynamoDbSource>().PutItemAsync(table, item), $"write to {table}");
        window.Acted();
    }

    public async Task DeleteItemAsync(string table, string key)
    {
        Expect(await target.Facet<IDynamoDbSource>().DeleteItemAsync(table, key), $"delete from {table}");
        window.Acted();
    }

    /// <summary>
    /// The messages a queue holds when the observation window closes, visible, in flight and delayed
    /// together (SQS's ApproximateNumberOfMessages, ...NotVisible and ...Delayed, read apart and shown apart).
    /// </summary>
    public Task ExpectQueueHoldsAsync(string queue, int count) => window.SettledAsync(async () =>
    {
            var state = await QueueStateAsync(queue);
            if (state.Total != count)
                throw new ExpectationFailedException($"The queue '{queue}' holds another number of messages.", $"{count}", Describe(state));
    });

    /// <summary>How many of a queue's messages are in flight (received and neither deleted nor visible again) when the window closes.</summary>
    public Task ExpectQueueInFlightAsync(string queue, int count) => window.SettledAsync(async () =>
    {
            var state = await QueueStateAsync(queue);
            if (state.InFlight != count)
                throw new ExpectationFailedException($"The queue '{queue}' has another number of messages in flight.", $"{count} in flight", Describe(state));
    });

    private async Task<QueueState> QueueStateAsync(string queue) =>
        await target.Facet<ISqsSource>().GetQueueStateAsync(queue) ?? throw new InvalidOperationException($"No queue named '{queue}'.");

    private static string Describe(QueueState state) => $"{state.Total} ({state.Visible} visible, {state.InFlight} in flight, {state.Delayed} delayed)";

    public Task ExpectQueueBodiesAsync(string queue, string bodies) => window.SettledAsync(async () =>
    {
            var actual = string.Join(", ", await target.Facet<ISqsSource>().GetQueueBodiesAsync(queue));
            if (actual != bodies) throw new ExpectationFailedException($"The queue '{queue}' holds other messages.", bodies, actual);
    });

    /// <summary>What each batch held: SQS bodies, Kinesis data, or DynamoDB event names with the item key (<c>INSERT 1</c>), in order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> BatchesAsync()
    {
        var invocations = await target.GetInvocationsAsync(function.Name);
        return invocations.Select(i => (IReadOnlyList<string>)((Json.ParseOrNull(i.Event)?["Records"]?.AsArray() ?? []).Select(Item).ToList())).ToList();
    }

    private static string Item(System.Text.Json.Nodes.JsonNode? record) =>
        record?["body"]?.GetValue<string>()
        ?? (record?["kinesis"]?["data"]?.GetValue<string>() is { } data ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : null)
        ?? (record?["dynamodb"]?["Keys"] is System.Text.Json.Nodes.JsonObject keys
            ? $"{record["eventName"]?.GetValue<string>()} {keys.First().Value?.AsObject().First().Value}"
            : null)
        ?? "?";

    public Task ExpectBatchAsync(int index, string items) => window.EventuallyAsync(async () =>
    {
            var batches = await BatchesAsync();
            var actual = index <= batches.Count ? string.Join(", ", batches[index - 1]) : "(no such batch)";
            if (actual != items)
                throw new ExpectationFailedException($"Batch {index} held other items.", items, $"{actual}; all batches: {string.Join(" | ", batches.Select(b => string.Join(", ", b)))}");
    });

    public Task ExpectBatchSizesAsync(string sizes) => window.SettledAsync(async () =>
    {
            var actual = string.Join(", ", (await BatchesAsync()).Select(b => b.Count));
            if (actual != sizes) throw new ExpectationFailedException("The batches had other sizes.", sizes, actual);
    });

    /// <summary>
    /// Every item reached the function, in batches of at most <paramref name="maximum"/>: what AWS promises
    /// of a standard queue, whose receives may split the messages in any way.
    /// </summary>
    public Task ExpectDeliveredInBatchesOfAtMostAsync(string items, int maximum) => window.SettledAsync(async () =>
    {
            var batches = await BatchesAsync();
            var received = batches.SelectMany(b => b).ToHashSet(StringComparer.Ordinal);
            var missing = items.Split(", ").Where(i => !received.Contains(i)).ToList();
            var observed = string.Join(" | ", batches.Select(b => string.Join(", ", b)));
            if (missing.Count > 0) throw new ExpectationFailedException($"The function did not receive {string.Join(", ", missing)}.", items, observed);
            if (batches.Any(b => b.Count > maximum))
                throw new ExpectationFailedException($"A batch held more than {maximum} items.", $"batches of at most {maximum}", observed);
    });

    /// <summary>The function received <paramref name="item"/> at least <paramref name="times"/> times (a batch being retried).</summary>
    public Task ExpectReceivedAtLeastAsync(string item, int times) => window.EventuallyAsync(async () =>
    {
            var batches = await BatchesAsync();
            var count = batches.SelectMany(b => b).Count(i => i == item);
            if (count < times)
                throw new ExpectationFailedException($"The function received {item} {count} times.", $"at least {times} times", string.Join(" | ", batches.Select(b => string.Join(", ", b))));
    });

    /// <summary>The function received <paramref name="item"/> exactly <paramref name="times"/> times (no duplicate processing, no lost retry).</summary>
    public Task ExpectReceivedExactlyAsync(string item, int times) => window.SettledAsync(async () =>
    {
            var batches = await BatchesAsync();
            var count = batches.SelectMany(b => b).Count(i => i == item);
            if (count != times)
                throw new ExpectationFailedException($"The function received {item} {count} times.", $"exactly {times} time{(times == 1 ? "" : "s")}", string.Join(" | ", batches.Select(b => string.Join(", ", b))));
    });

    /// <summary>
    /// <paramref name="item"/> came back in a later batch, and every batch after the first that held it
    /// began with it: a retry that starts at the failed item, whichever way the items were split.
    /// </summary>
    public Task ExpectRetriesBeginWithAsync(string item) => window.SettledAsync(async () =>
    {
            var batches = await BatchesAsync();
            var holding = batches.Where(b => b.Contains(item)).ToList();
            var observed = string.Join(" | ", batches.Select(b => string.Join(", ", b)));
            if (holding.Count < 2) throw new ExpectationFailedException($"{item} was not sent again.", $"a later batch beginning with {item}", observed);
            if (holding.Skip(1).Any(b => b[0] != item))
                throw new ExpectationFailedException($"A batch after the first that held {item} did not begin with it.", $"every later batch holding {item} begins with it", observed);
    });

    /// <summary>No batch held <paramref name="item"/>, checked over the whole observation window.</summary>
    public Task ExpectNotReceivedAsync(string item) => window.ThroughoutAsync(async () =>
    {
            var batches = await BatchesAsync();
            if (batches.Any(b => b.Contains(item)))
                throw new ExpectationFailedException($"The function received {item}.", $"no {item}", string.Join(" | ", batches.Select(b => string.Join(", ", b))));
    });

    public Task ExpectItemsAsync(string items, Func<string, bool>? which = null) => window.SettledAsync(async () =>
    {
            var actual = string.Join(", ", (await BatchesAsync()).SelectMany(b => b).Where(which ?? (_ => true)));
            if (actual != items) throw new ExpectationFailedException("The function received other items.", items, actual);
    });

    /// <summary>
    /// Checks a field of the first record named <paramref name="eventName"/> (INSERT, MODIFY, REMOVE)
    /// in whichever batch it came: how a stream's records are split into batches is the poller's affair.
    /// </summary>
    public Task ExpectRecordFieldAsync(string eventName, string path, string expected) =>
        ExpectRecordFieldAsync(eventName, path, expected, actual => Json.Matches(actual, expected));

    /// <summary>Checks that a field of the first <paramref name="eventName"/> record is there (or not).</summary>
    public Task ExpectRecordFieldPresentAsync(string eventName, string path, bool present) =>
        ExpectRecordFieldAsync(eventName, path, present ? "present" : "(absent)", actual => (actual is not null) == present);

    private Task ExpectRecordFieldAsync(string eventName, string path, string expected, Func<System.Text.Json.Nodes.JsonNode?, bool> holds) => window.EventuallyAsync(async () =>
    {
            var records = (await target.GetInvocationsAsync(function.Name))
                .SelectMany(i => Json.ParseOrNull(i.Event)?["Records"]?.AsArray() ?? []).ToList();
            var record = records.FirstOrDefault(r => r?["eventName"]?.GetValue<string>() == eventName);
            if (record is null)
                throw new ExpectationFailedException($"No {eventName} record was received.", $"a {eventName} record", $"{records.Count} records: {string.Join(", ", records.Select(Item))}");
            var actual = Json.At(record, path);
            if (!holds(actual)) throw new ExpectationFailedException($"The {eventName} record has another {path}.", expected, actual?.ToJsonString() ?? "(absent)");
    });

    private static void Expect(ApiResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused to {what}: {result}");
    }
}
