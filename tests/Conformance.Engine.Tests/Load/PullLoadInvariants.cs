using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Observation;

namespace Conformance.Engine.Tests.Load;

/// <summary>
/// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html and https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html at load: <see cref="LoadSize.Items"/> SQS messages or Kinesis records,
/// a random share of them failing on every attempt (reported as batch item failures) and a random number
/// of whole invocations failing first. Every item ends processed or handed to the dead-letter queue or
/// on-failure destination, never both and never lost.
/// </summary>
public sealed class PullLoadInvariants
{
    private const string Marker = "fail";
    private const string FailureQueueArn = "arn:aws:sqs:us-east-1:123456789012:stream-failures";

    [Fact]
    public void S8_every_sqs_message_is_processed_or_dead_lettered_under_random_failures()
    {
        var random = new Random(LoadSize.Seed);
        var failingInvocations = random.Next(0, 9);
        var maxReceives = failingInvocations + 2; // an unmarked message can be in every failing invocation and still succeed after
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour { FailingInvocations = failingInvocations, FailItemsContaining = Marker });
        fixture.Engine.Pull.CreateQueue(new QueueSpec("dlq"));
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("q") { DeadLetterQueueName = "dlq", MaxReceiveCount = maxReceives });
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = 10, FunctionResponseTypes = ["ReportBatchItemFailures"] });
        var marked = new HashSet<string>();
        for (var i = 0; i < LoadSize.Items; i++)
        {
            var body = random.Next(20) == 0 ? $"{Marker}-m{i}" : $"m{i}";
            if (body.StartsWith(Marker, StringComparison.Ordinal)) marked.Add(body);
            fixture.Engine.Pull.SendMessage("q", new QueueMessage(body));
        }

        fixture.Pass(TimeSpan.FromHours(6));

        fixture.Engine.Pull.QueueState("q")!.Total.ShouldBe(0, LoadSize.Replay);
        var processed = new HashSet<string>();
        foreach (var invocation in fixture.Engine.Invocations("fn").Where(i => i.Outcome == InvocationOutcome.Succeeded))
            foreach (var record in JsonNode.Parse(invocation.Event)!["Records"]!.AsArray())
                if (record!["body"]!.GetValue<string>() is var body && !body.StartsWith(Marker, StringComparison.Ordinal)) processed.Add(body);
        var deadLettered = fixture.Engine.Pull.QueueBodies("dlq");
        processed.Count.ShouldBe(LoadSize.Items - marked.Count, LoadSize.Replay);
        deadLettered.Count.ShouldBe(marked.Count, LoadSize.Replay);
        deadLettered.ToHashSet().SetEquals(marked).ShouldBeTrue(LoadSize.Replay);
        marked.ShouldNotBeEmpty(LoadSize.Replay); // the failures did happen
    }

    [Fact]
    public void S9_every_kinesis_record_is_processed_or_reported_on_failure_and_keys_keep_their_order()
    {
        var random = new Random(LoadSize.Seed);
        var retries = random.Next(0, 4);
        var bisect = random.Next(2) == 0;
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour { FailingInvocations = random.Next(0, 50), FailItemsContaining = Marker });
        var (_, arn) = fixture.Engine.Pull.CreateStream("s", 100);
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn")
        {
            StartingPosition = "TRIM_HORIZON", BatchSize = 100, MaximumRetryAttempts = retries, BisectBatchOnFunctionError = bisect,
            OnFailureDestination = FailureQueueArn, FunctionResponseTypes = ["ReportBatchItemFailures"],
        });
        var shardOf = new Dictionary<string, (string Shard, BigInteger Sequence)>(LoadSize.Items);
        for (var i = 0; i < LoadSize.Items; i++)
        {
            var data = $"{(random.Next(50) == 0 ? Marker : "ok")}:key-{i % 1000}:{i:D8}";
            var (_, shard, sequence) = fixture.Engine.Pull.PutRecord("s", $"key-{i % 1000}", data);
            shardOf[data] = (shard!, BigInteger.Parse(sequence!));
        }

        fixture.Pass(TimeSpan.FromHours(6));

        var processed = new HashSet<string>();
        var firstArrivals = new List<string>(LoadSize.Items);
        var seen = new HashSet<string>();
        var attemptsInARow = new Dictionary<string, int>();
        foreach (var invocation in fixture.Engine.Invocations("fn"))
        {
            var items = JsonNode.Parse(invocation.Event)!["Records"]!.AsArray()
                .Select(r => Encoding.UTF8.GetString(Convert.FromBase64String(r!["kinesis"]!["data"]!.GetValue<string>()))).ToList();
            foreach (var item in items) if (seen.Add(item)) firstArrivals.Add(item);
            var batch = $"{items[0]}..{items[^1]}";
            attemptsInARow[batch] = attemptsInARow.GetValueOrDefault(batch) + 1;
            // A partial batch response checkpoints before the first failed record: what comes before it is processed.
            if (invocation.Outcome == InvocationOutcome.Succeeded) processed.UnionWith(items.TakeWhile(item => !item.StartsWith(Marker, StringComparison.Ordinal)));
        }
        var discarded = fixture.Engine.DestinationRecords(FailureQueueArn).Select(r => JsonNode.Parse(r.Body)!["KinesisBatchInfo"]!)
            .Select(info => (Shard: info["shardId"]!.GetValue<string>(), From: BigInteger.Parse(info["startSequenceNumber"]!.GetValue<string>()), To: BigInteger.Parse(info["endSequenceNumber"]!.GetValue<string>())))
            .GroupBy(range => range.Shard).ToDictionary(g => g.Key, g => g.ToList());

        firstArrivals.Count.ShouldBe(LoadSize.Items, LoadSize.Replay);
        foreach (var key in firstArrivals.GroupBy(item => item.Split(':')[1])) key.Select(item => item.Split(':')[2]).ShouldBeInOrder(SortDirection.Ascending, LoadSize.Replay);
        attemptsInARow.Values.Max().ShouldBeLessThanOrEqualTo(1 + retries, LoadSize.Replay);
        var wrong = new List<string>();
        foreach (var (item, (shard, sequence)) in shardOf)
        {
            var wasDiscarded = discarded.TryGetValue(shard, out var ranges) && ranges.Any(r => r.From <= sequence && sequence <= r.To);
            var mustFail = item.StartsWith(Marker, StringComparison.Ordinal);
            if (processed.Contains(item) == wasDiscarded || (mustFail && !wasDiscarded))
                wrong.Add($"{item} on {shard}: processed {processed.Contains(item)}, reported on failure {wasDiscarded}");
        }
        wrong.ShouldBeEmpty(LoadSize.Replay);
        discarded.ShouldNotBeEmpty(LoadSize.Replay); // the failures did happen
    }
}
