using Conformance.Core.Invocation;
using Conformance.Engine.Invocation;
using Conformance.Engine.Pull.Batches;

namespace Conformance.Engine.Tests.Pull.Batches;

/// <summary>The sending stage: what each kind of response means for the batch.</summary>
public sealed class BatchSenderTests
{
    private static readonly HashSet<string> Items = ["m1", "m2"];

    private sealed class Answers(InvokeResponse response, TimeSpan duration) : IMappingInvoker
    {
        public List<(string Function, string Payload)> Calls { get; } = [];

        public (InvokeResponse Response, TimeSpan Duration) InvokeForMapping(string functionName, LazyPayload payload)
        {
            Calls.Add((functionName, payload.Text));
            return (response, duration);
        }
    }

    private static BatchResult Send(InvokeResponse response, IReadOnlySet<string>? reported = null) =>
        new BatchSender(new Answers(response, TimeSpan.FromSeconds(3)), new EngineSettings()).Send("f", LazyPayload.Of("{}"), reported);

    [Fact]
    public void The_batch_goes_to_the_mapping_function_through_the_invoker_port()
    {
        var invoker = new Answers(new InvokeResponse(200, "r", "null"), TimeSpan.FromSeconds(3));
        var result = new BatchSender(invoker, new EngineSettings()).Send("orders", LazyPayload.Of("""{"Records":[]}"""), null);
        invoker.Calls.ShouldBe([("orders", """{"Records":[]}""")]);
        result.Duration.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_refused_invocation_never_reached_the_function() =>
        Send(new InvokeResponse(429, "r", null), Items).Outcome.ShouldBe(BatchOutcome.NotDelivered);

    [Fact]
    public void A_function_error_fails_the_whole_batch_even_with_a_report() =>
        Send(new InvokeResponse(200, "r", """{"batchItemFailures":[{"itemIdentifier":"m1"}]}""") { FunctionError = "Unhandled" }, Items)
            .Outcome.ShouldBe(BatchOutcome.Failed);

    [Fact]
    public void Reported_items_are_read_only_when_the_mapping_asks_for_reports()
    {
        var response = new InvokeResponse(200, "r", """{"batchItemFailures":[{"itemIdentifier":"m2"}]}""");
        Send(response).Outcome.ShouldBe(BatchOutcome.Succeeded);
        var partial = Send(response, Items);
        partial.Outcome.ShouldBe(BatchOutcome.PartiallyFailed);
        partial.FailedItems.ShouldBe(["m2"]);
    }

    [Fact]
    public void An_invalid_report_fails_the_whole_batch() =>
        Send(new InvokeResponse(200, "r", """{"batchItemFailures":[{"itemIdentifier":"elsewhere"}]}"""), Items).Outcome.ShouldBe(BatchOutcome.Failed);

    [Fact]
    public void An_empty_report_is_a_success() =>
        Send(new InvokeResponse(200, "r", """{"batchItemFailures":[]}"""), Items).Outcome.ShouldBe(BatchOutcome.Succeeded);
}
