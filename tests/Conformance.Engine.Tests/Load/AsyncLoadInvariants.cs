using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;

namespace Conformance.Engine.Tests.Load;

/// <summary>
/// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html at load: <see cref="LoadSize.Items"/> asynchronous events, a random number of the
/// first attempts failing. Each event ends exactly once, succeeded or handed to the on-failure destination,
/// after at most three attempts spaced by the retry delays.
/// </summary>
public sealed class AsyncLoadInvariants
{
    private const string FailureQueueArn = "arn:aws:sqs:us-east-1:123456789012:async-failures";

    [Fact]
    public void S4_every_async_event_ends_once_succeeded_or_reported_after_at_most_three_attempts()
    {
        var random = new Random(LoadSize.Seed);
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour { FailingInvocations = random.Next(0, 3 * LoadSize.Items), Duration = TimeSpan.Zero });
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnFailureDestination: FailureQueueArn)).Succeeded.ShouldBeTrue();
        for (var i = 0; i < LoadSize.Items; i++) fixture.Engine.Invoke(new InvokeRequest("fn", InvocationType.Event, $"{{\"n\":{i}}}"));

        fixture.Pass(TimeSpan.FromHours(7));

        var attempts = fixture.Engine.Invocations("fn").GroupBy(i => i.Event).ToDictionary(g => g.Key, g => g.OrderBy(i => i.At).ToList());
        var reported = fixture.Engine.DestinationRecords(FailureQueueArn).Select(r => JsonNode.Parse(r.Body)!)
            .ToDictionary(r => r["requestPayload"]!.ToJsonString(), r => r["requestContext"]!["approximateInvokeCount"]!.GetValue<int>());
        attempts.Count.ShouldBe(LoadSize.Items, LoadSize.Replay);
        var wrong = new List<string>();
        foreach (var (payload, tries) in attempts)
        {
            var succeeded = tries.Count(t => t.Outcome == InvocationOutcome.Succeeded);
            var reportedAfter = reported.TryGetValue(payload, out var invokeCount) ? invokeCount : (int?)null;
            var ended = reportedAfter is null ? succeeded == 1 && tries[^1].Outcome == InvocationOutcome.Succeeded : succeeded == 0 && invokeCount == 3 && tries.Count == 3;
            var spaced = tries.Zip(tries.Skip(1)).All(pair => pair.Second.At - pair.First.At >= TimeSpan.FromMinutes(1));
            if (!ended || !spaced || tries.Count > 3)
                wrong.Add($"{payload}: {tries.Count} attempts at {string.Join(", ", tries.Select(t => $"{t.At:HH:mm:ss} {t.Outcome}"))}, reported on failure after {reportedAfter?.ToString() ?? "-"}");
        }
        wrong.ShouldBeEmpty(LoadSize.Replay);
        reported.Count.ShouldBe(attempts.Count(a => a.Value.All(t => t.Outcome != InvocationOutcome.Succeeded)), LoadSize.Replay);
    }
}
