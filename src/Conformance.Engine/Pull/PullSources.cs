using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Pull.Batches;
using Conformance.Engine.Pull.Filtering;
using Conformance.Engine.Pull.Sqs;
using Conformance.Engine.Pull.Streams;
using Conformance.Core.Resources;

namespace Conformance.Engine.Pull;

/// <summary>
/// The pull model (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html): SQS queues, Kinesis streams and DynamoDB tables with
/// streams, and the event source mappings whose pollers read them and invoke functions synchronously.
/// <see cref="CreateEventSourceMapping"/> validates like <c>CreateEventSourceMapping</c>.
/// </summary>
public sealed class PullSources(EngineParts engine)
{
    private readonly Dictionary<string, SqsQueue> queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KinesisStream> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynamoDbTable> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventSourceMapping> mappings = new(StringComparer.Ordinal);

    // ---- SQS ----

    public (ApiResult Result, string? Arn) CreateQueue(QueueSpec spec)
    {
        if (queues.ContainsKey(spec.Name)) return (new ApiResult(400, "QueueAlreadyExists", $"A queue named {spec.Name} already exists."), null);
        if (spec.VisibilityTimeoutSeconds is < 0 or > 43_200) return (new ApiResult(400, "InvalidAttributeValue", "VisibilityTimeout must be 0 to 43200 seconds."), null);
        var arn = Arn.Queue(engine.Settings.Region, engine.Settings.AccountId, spec.Name).ToString();
        var queue = new SqsQueue(spec, arn, engine.Ids.UuidValue, () => engine.Ids.Base64(96), engine.Settings.SqsDeduplicationInterval);
        if (spec.DeadLetterQueueName is { } dlq)
        {
            if (!queues.TryGetValue(dlq, out var target)) return (new ApiResult(400, "InvalidAttributeValue", $"The dead-letter queue {dlq} does not exist."), null);
            queue.DeadLetterQueue = target;
        }
        queues[spec.Name] = queue;
        return (new ApiResult(200), arn);
    }

    public (ApiResult Result, string? MessageId) SendMessage(string queueName, QueueMessage message)
    {
        if (!queues.TryGetValue(queueName, out var queue)) return (NoQueue(queueName), null);
        if (queue.Spec.Fifo && message.GroupId is null) return (new ApiResult(400, "MissingParameter", "The request must contain the parameter MessageGroupId."), null);
        return (new ApiResult(200), queue.Send(message, engine.Time.GetUtcNow()));
    }

    public QueueState? QueueState(string queueName) => queues.TryGetValue(queueName, out var queue) ? queue.State(engine.Time.GetUtcNow()) : null;

    /// <summary>The bodies of the messages in a queue (e.g. a dead-letter queue), oldest first.</summary>
    public IReadOnlyList<string> QueueBodies(string queueName) => queues.TryGetValue(queueName, out var queue) ? queue.Messages.Select(m => m.Message.Body).ToList() : [];

    /// <summary>The receive counts of the messages in a queue, oldest first.</summary>
    public IReadOnlyList<int> ReceiveCounts(string queueName) => queues.TryGetValue(queueName, out var queue) ? queue.Messages.Select(m => m.ReceiveCount).ToList() : [];

    private static ApiResult NoQueue(string name) => new(400, "AWS.SimpleQueueService.NonExistentQueue", $"The specified queue {name} does not exist.");

    // ---- Kinesis ----

    public (ApiResult Result, string? Arn) CreateStream(string name, int shards)
    {
        if (shards < 1) return (new ApiResult(400, "InvalidArgumentException", "ShardCount must be at least 1."), null);
        if (streams.ContainsKey(name)) return (new ApiResult(400, "ResourceInUseException", $"Stream {name} already exists."), null);
        var stream = new KinesisStream(engine, name, shards, engine.Settings.KinesisRetention);
        streams[name] = stream;
        return (new ApiResult(200), stream.Arn);
    }

    public (ApiResult Result, string? ShardId, string? SequenceNumber) PutRecord(string streamName, string partitionKey, string data)
    {
        if (!streams.TryGetValue(streamName, out var stream)) return (new ApiResult(400, "ResourceNotFoundException", $"Stream {streamName} not found."), null, null);
        var (shard, sequence) = stream.Put(partitionKey, data);
        return (new ApiResult(200), shard, sequence);
    }

    // ---- DynamoDB ----

    public (ApiResult Result, string? StreamArn) CreateTable(TableSpec spec)
    {
        if (spec.StreamViewType is not ("KEYS_ONLY" or "NEW_IMAGE" or "OLD_IMAGE" or "NEW_AND_OLD_IMAGES"))
            return (new ApiResult(400, "ValidationException", $"Unknown StreamViewType {spec.StreamViewType}."), null);
        if (tables.ContainsKey(spec.Name)) return (new ApiResult(400, "ResourceInUseException", $"Table already exists: {spec.Name}"), null);
        var table = new DynamoDbTable(engine, spec);
        tables[spec.Name] = table;
        return (new ApiResult(200), table.Arn);
    }

    public ApiResult PutItem(string tableName, string itemJson)
    {
        if (!tables.TryGetValue(tableName, out var table)) return new ApiResult(400, "ResourceNotFoundException", $"Requested resource not found: Table: {tableName} not found");
        if (JsonNode.Parse(itemJson) is not JsonObject item || item[table.Spec.KeyAttribute] is null)
            return new ApiResult(400, "ValidationException", $"One or more parameter values were invalid: Missing the key {table.Spec.KeyAttribute} in the item");
        table.Put(item);
        return ApiResult.Ok;
    }

    public ApiResult DeleteItem(string tableName, string keyJson)
    {
        if (!tables.TryGetValue(tableName, out var table)) return new ApiResult(400, "ResourceNotFoundException", $"Requested resource not found: Table: {tableName} not found");
        table.Delete(JsonNode.Parse(keyJson)!);
        return ApiResult.Ok;
    }

    // ---- Event source mappings ----

    internal EventSourceMapping? Mapping(string uuid) => mappings.GetValueOrDefault(uuid);

    /// <summary>
    /// <c>CreateEventSourceMapping</c>: validated as AWS does (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html),
    /// then started. A second mapping of the same source to the same function is a 409 conflict, in the
    /// words recorded on AWS (localstack/localstack at 8b9a79f0, test_lambda_integration_sqs.snapshot.json and
    /// test_lambda_integration_kinesis.snapshot.json, test_duplicate_event_source_mappings, recorded 2025-11-25).
    /// </summary>
    public (ApiResult Result, string? Uuid) CreateEventSourceMapping(EventSourceMappingSpec spec)
    {
        if (!engine.Functions.FunctionExists(spec.FunctionName)) return (AwsErrors.NotFound($"Function not found: {engine.Ids.FunctionArn(spec.FunctionName)}"), null);
        var kind = Arn.ServiceOf(spec.EventSourceArn) ?? "";
        var queue = kind == "sqs" ? queues.Values.FirstOrDefault(q => q.Arn == spec.EventSourceArn) : null;
        IStreamSource? stream = kind switch
        {
            "kinesis" => streams.Values.FirstOrDefault(s => s.Arn == spec.EventSourceArn),
            "dynamodb" => tables.Values.FirstOrDefault(t => t.Arn == spec.EventSourceArn),
            _ => null,
        };
        if (queue is null && stream is null) return (AwsErrors.InvalidParameter($"The event source {spec.EventSourceArn} does not exist or is not supported."), null);
        if (mappings.Values.FirstOrDefault(m => m.Spec.EventSourceArn == spec.EventSourceArn && FunctionRef.Parse(m.Spec.FunctionName).Name == FunctionRef.Parse(spec.FunctionName).Name) is { } existing)
            return (AwsErrors.Conflict(queue is not null
                ? $"An event source mapping with SQS arn (\" {spec.EventSourceArn} \") and function (\" {spec.FunctionName} \") already exists. Please update or delete the existing mapping with UUID {existing.Uuid}"
                : $"The event source arn (\" {spec.EventSourceArn} \") and function (\" {spec.FunctionName} \") provided mapping already exists. Please update or delete the existing mapping with UUID {existing.Uuid}"), null);

        var validation = new MappingValidation(engine.Settings);
        var refusal = queue is not null ? validation.ForQueue(spec, queue.Spec, engine.Functions.FunctionTimeout(spec.FunctionName)) : validation.ForStream(spec, kind == "kinesis");
        refusal ??= validation.Common(spec);
        if (refusal is not null) return (refusal, null);

        var patterns = new List<EventPattern>();
        foreach (var text in spec.FilterPatterns)
        {
            var pattern = EventPattern.Parse(text, out var reason);
            if (pattern is null) return (AwsErrors.InvalidParameter($"Invalid filter pattern definition. {reason}"), null);
            patterns.Add(pattern);
        }

        var uuid = engine.Ids.Uuid();
        var filters = new FilterCriteria(patterns);
        EventSourceMapping mapping = queue is not null
            ? new SqsMappingWorker(engine, queue, uuid, spec, new BatchFilter(filters, "body"))
            : new StreamMappingWorker(engine, stream!, uuid, spec, new BatchFilter(filters, kind == "kinesis" ? "data" : "dynamodb"));
        mappings[uuid] = mapping;
        Start(mapping, spec.Enabled ? MappingState.Enabled : MappingState.Disabled);
        return (new ApiResult(202), uuid);
    }

    /// <summary><c>UpdateEventSourceMapping</c> with <c>Enabled</c>: pauses or resumes polling (a stream keeps its position).</summary>
    public ApiResult SetEnabled(string uuid, bool enabled)
    {
        if (!mappings.TryGetValue(uuid, out var mapping)) return AwsErrors.NotFound($"The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: {uuid})");
        var passing = enabled ? MappingState.Enabling : MappingState.Disabling;
        // A mapping still on its way to a state cannot be updated (ResourceInUseException in the API reference).
        if (!EventSourceMapping.CanTransition(mapping.State, passing))
            return AwsErrors.InUse($"Cannot update the event source mapping {uuid} while it is {mapping.State}.");
        mapping.Transition(passing);
        Start(mapping, enabled ? MappingState.Enabled : MappingState.Disabled);
        return new ApiResult(202);
    }

    private void Start(EventSourceMapping mapping, MappingState target)
    {
        if (engine.Settings.MappingStartDelay == TimeSpan.Zero)
        {
            mapping.Transition(target);
            return;
        }
        ITimer? timer = null;
        timer = engine.Time.CreateTimer(_ =>
        {
            timer!.Dispose();
            mapping.Transition(target);
        }, null, engine.Settings.MappingStartDelay, Timeout.InfiniteTimeSpan);
    }
}
