using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using CsCheck;

namespace Conformance.Engine.Tests.Pull;

/// <summary>
/// Property-based checks (CsCheck) over random workloads and failure patterns: the invariants of
/// the SQS, Kinesis and DynamoDB Streams rules (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html) hold whatever the input. A bounded number of cases runs here; set
/// CONFORMANCE_PROPERTY_ITERATIONS for a larger run.
/// </summary>
public sealed class PullInvariantProperties
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_PROPERTY_ITERATIONS"), out var n) ? n : 40;

    private static List<(DateTimeOffset At, bool Succeeded, List<string> Items)> Deliveries(EngineFixture fixture, Func<JsonNode, string> item) =>
        fixture.Engine.Invocations("fn").Select(i => (i.At, i.Outcome == Core.Observation.InvocationOutcome.Succeeded,
            JsonNode.Parse(i.Event)!["Records"]!.AsArray().Select(r => item(r!)).ToList())).ToList();

    [Fact]
    public void S8_no_sqs_message_is_lost_every_one_is_processed_or_in_the_dead_letter_queue()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[0, 8], Gen.Int[1, 5], Gen.Int[1, 10]).Sample((messages, failures, maxReceives, batch) =>
        {
            var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("null") with { FailingInvocations = failures });
            fixture.Engine.Pull.CreateQueue(new QueueSpec("dlq"));
            var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("q") { VisibilityTimeoutSeconds = 30, DeadLetterQueueName = "dlq", MaxReceiveCount = maxReceives });
            fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = batch });
            var bodies = Enumerable.Range(1, messages).Select(i => $"m{i}").ToList();
            foreach (var body in bodies) fixture.Engine.Pull.SendMessage("q", new QueueMessage(body));
            fixture.Pass(TimeSpan.FromHours(1));

            var processed = Deliveries(fixture, r => r["body"]!.GetValue<string>()).Where(d => d.Succeeded).SelectMany(d => d.Items).ToHashSet();
            var deadLettered = fixture.Engine.Pull.QueueBodies("dlq").ToHashSet();
            fixture.Engine.Pull.QueueState("q")!.Total.ShouldBe(0);
            bodies.ShouldAllBe(b => processed.Contains(b) || deadLettered.Contains(b));
            processed.Intersect(deadLettered).ShouldBeEmpty();
            fixture.Engine.Pull.ReceiveCounts("dlq").Count.ShouldBe(deadLettered.Count);
        }, iter: Iterations);
    }

    [Fact]
    public void S8_fifo_groups_are_processed_in_order_whatever_fails()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 4], Gen.Int[0, 6], Gen.Int[1, 10]).Sample((messages, groups, failures, batch) =>
        {
            var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("null") with { FailingInvocations = failures });
            var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("q.fifo") { VisibilityTimeoutSeconds = 30 });
            fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = batch });
            for (var i = 0; i < messages; i++) fixture.Engine.Pull.SendMessage("q.fifo", new QueueMessage($"g{i % groups}:{i:D4}") { GroupId = $"g{i % groups}", DeduplicationId = $"{i}" });
            fixture.Pass(TimeSpan.FromHours(1));

            var processed = Deliveries(fixture, r => r["body"]!.GetValue<string>()).Where(d => d.Succeeded).SelectMany(d => d.Items).ToList();
            processed.Count.ShouldBe(messages);
            foreach (var group in processed.GroupBy(p => p.Split(':')[0]))
                group.Select(p => p.Split(':')[1]).ShouldBeInOrder();
        }, iter: Iterations);
    }

    [Fact]
    public void S9_kinesis_keeps_order_per_shard_or_per_partition_key_and_retries_stay_within_the_limit()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 3]).Sample((records, shards, parallelization, failures, retries) =>
        {
            var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("null") with { FailingInvocations = failures });
            var (_, arn) = fixture.Engine.Pull.CreateStream("s", shards);
            fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn")
            {
                StartingPosition = "TRIM_HORIZON", BatchSize = 7, ParallelizationFactor = parallelization, MaximumRetryAttempts = retries,
            });
            for (var i = 0; i < records; i++) fixture.Engine.Pull.PutRecord("s", $"key-{i % 5}", $"key-{i % 5}:{i:D4}");
            fixture.Pass(TimeSpan.FromMinutes(10));

            var deliveries = Deliveries(fixture, r => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(r["kinesis"]!["data"]!.GetValue<string>())));
            // Every record is delivered in some batch, and a key's records first arrive in order.
            var firstArrival = deliveries.SelectMany(d => d.Items).Distinct().ToList();
            firstArrival.Count.ShouldBe(records);
            foreach (var key in firstArrival.GroupBy(r => r.Split(':')[0])) key.Select(r => r.Split(':')[1]).ShouldBeInOrder();
            // No batch is attempted more than 1 + MaximumRetryAttempts times in a row.
            deliveries.GroupBy(d => string.Join(",", d.Items)).ShouldAllBe(g => g.Count() <= 1 + retries);
        }, iter: Iterations);
    }
}
