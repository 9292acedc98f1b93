using System.Text.Json.Nodes;
using Conformance.Events.Batches;
using Conformance.Events.Destinations;
using Conformance.Events.EventBridge;
using Conformance.Events.Kinesis;
using Conformance.Events.Lambda;

namespace Conformance.Events.Generation;

/// <summary>What functions answer and what Lambda writes: partial batch responses, error documents, destination, dead-letter and on-failure records.</summary>
public sealed class LambdaRecords
{
    private readonly GenerationState state;

    internal LambdaRecords(GenerationState state) => this.state = state;

    private AwsIdentity Ids => state.Ids;

    public BatchItemFailuresResponse BatchItemFailures(params string[] identifiers) =>
        new(identifiers.Select(i => new BatchItemFailure(i)).ToList());

    public InvokeErrorDocument InvokeError() =>
        new("Error", state.Faker.Hacker.Phrase(), [$"Error: {state.Faker.Hacker.Verb()} failed", "    at Runtime.handler (file:///var/task/index.mjs:3:9)"]);

    /// <summary>The record of an async invocation for a destination: <c>Success</c>, <c>RetriesExhausted</c> or <c>EventAgeExceeded</c>.</summary>
    public AsyncInvocationRecord AsyncRecord(string condition = "RetriesExhausted")
    {
        var function = state.Name("function");
        if (condition == "ZeroReservedConcurrency")
            // Never run: no response, and no invocation counted (recorded: test_lambda.snapshot.json, test_reserved_concurrency, 2025-11-25).
            return new AsyncInvocationRecord("1.0", AwsIdentity.Iso(state.Tick(180_000)), new AsyncRequestContext(Ids.Uuid(), Ids.FunctionArn(function, "$LATEST"), condition, 0),
                new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999) }, null, null);
        var success = condition == "Success";
        var attempts = success ? 1 : condition == "RetriesExhausted" ? 3 : 2;
        var error = InvokeError();
        return new AsyncInvocationRecord("1.0", AwsIdentity.Iso(state.Tick(180_000)),
            new AsyncRequestContext(Ids.Uuid(), Ids.FunctionArn(function, "$LATEST"), condition, attempts),
            new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999) },
            new AsyncResponseContext(200, "$LATEST", success ? null : "Unhandled"),
            success ? new JsonObject { ["status"] = "accepted" } : JsonNode.Parse(error.ToJson()));
    }

    /// <summary>The EventBridge event that carries an async destination record.</summary>
    public EventBridgeEvent AsyncRecordOnEventBridge(AsyncInvocationRecord record, string busName = "default") =>
        new("0", Ids.Uuid(),
            record.RequestContext.Condition == "Success" ? "Lambda Function Invocation Result - Success" : "Lambda Function Invocation Result - Failure",
            "lambda", Ids.AccountId, AwsIdentity.IsoSeconds(state.Tick()), Ids.Region,
            [record.RequestContext.FunctionArn, Ids.EventBusArn(busName)],
            EventJson.ToNode(record));

    /// <summary>
    /// An async event in a dead-letter queue: the event as the body, the error in the attributes; <c>ErrorMessage</c>
    /// is the error's message, not its document (recorded: localstack/localstack at 8b9a79f0,
    /// test_lambda_destinations.snapshot.json, test_dead_letter_queue, 2025-11-24).
    /// </summary>
    public DeadLetterMessage DeadLetter()
    {
        var error = InvokeError().ErrorMessage;
        var message = error.Length > DeadLetterMessage.ErrorMessageLimit ? error[..DeadLetterMessage.ErrorMessageLimit] : error;
        return new DeadLetterMessage(GenerationState.JsonBody(new JsonObject { ["orderId"] = state.Faker.Random.Int(1, 99999) }),
            new DeadLetterAttributes(new("String", Ids.Uuid()), new("Number", "200"), new("String", message)));
    }

    /// <summary>The on-failure record of a Kinesis mapping for <paramref name="batch"/>; with <paramref name="forS3"/> the event goes in <c>payload</c>.</summary>
    public StreamFailureRecord KinesisFailureRecord(KinesisEvent batch, bool forS3 = false)
    {
        var first = batch.Records[0];
        var last = batch.Records[^1];
        var info = new StreamBatchInfo(first.EventId.Split(':')[0], first.Kinesis.SequenceNumber, last.Kinesis.SequenceNumber,
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeMilliseconds((long)(first.Kinesis.ApproximateArrivalTimestamp * 1000))),
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeMilliseconds((long)(last.Kinesis.ApproximateArrivalTimestamp * 1000))),
            batch.Records.Count, first.EventSourceArn);
        return new StreamFailureRecord(
            new StreamFailureRequestContext(Ids.Uuid(), Ids.FunctionArn(state.Name("function")), "RetryAttemptsExhausted", 1),
            new AsyncResponseContext(200, "$LATEST", "Unhandled"), "1.0", AwsIdentity.Iso(state.Tick()), info, null,
            forS3 ? EventJson.ToNode(batch) : null);
    }

    /// <summary>The on-failure record of a DynamoDB Streams mapping (<c>DDBStreamBatchInfo</c>); with <paramref name="forS3"/> the event goes in <c>payload</c>.</summary>
    public StreamFailureRecord DynamoDbFailureRecord(DynamoDb.DynamoDbStreamEvent batch, bool forS3 = false)
    {
        var first = batch.Records[0];
        var last = batch.Records[^1];
        var info = new StreamBatchInfo($"shardId-{state.Faker.Random.ReplaceNumbers("#############")}-{Ids.Hex(8)}",
            first.DynamoDb.SequenceNumber, last.DynamoDb.SequenceNumber,
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeSeconds(first.DynamoDb.ApproximateCreationDateTime)),
            AwsIdentity.Iso(DateTimeOffset.FromUnixTimeSeconds(last.DynamoDb.ApproximateCreationDateTime)),
            batch.Records.Count, first.EventSourceArn);
        return new StreamFailureRecord(
            new StreamFailureRequestContext(Ids.Uuid(), Ids.FunctionArn(state.Name("function")), "RetryAttemptsExhausted", 1),
            new AsyncResponseContext(200, "$LATEST", "Unhandled"), "1.0", AwsIdentity.Iso(state.Tick()), null, info,
            forS3 ? EventJson.ToNode(batch) : null);
    }
}
