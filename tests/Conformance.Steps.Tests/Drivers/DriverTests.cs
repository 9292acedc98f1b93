using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Steps.Drivers;
using Conformance.Targets.Reference;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>The drivers against the reference target: checks that hold pass, others explain the difference.</summary>
public sealed class DriverTests
{
    private readonly ReferenceTarget target = new();
    private readonly FunctionDriver function;
    private readonly InvocationDriver invocation;
    private readonly LedgerDriver ledger;
    private readonly PullSourceDriver pull;

    public DriverTests()
    {
        function = new FunctionDriver(target, new Conformance.Core.Functions.DeclaredFunctions());
        var slot = Conformance.Gherkin.Execution.WorkerSlot.Unshared();
        var window = new ObservationWindow(target, slot);
        invocation = new InvocationDriver(target, function, window);
        ledger = new LedgerDriver(target, function, slot, window);
        pull = new PullSourceDriver(target, function, window);
    }

    [Fact]
    public async Task A_mismatched_payload_names_what_was_expected_and_what_was_observed()
    {
        await function.CreateAsync(FunctionBehaviour.Returning("{\"a\": 1}"));
        await invocation.InvokeAsync(InvocationType.RequestResponse, "{}");

        await invocation.ExpectPayloadAsync("{ \"a\" : 1 }"); // same JSON value, other spacing
        var failure = await Should.ThrowAsync<ExpectationFailedException>(() => invocation.ExpectPayloadAsync("{\"a\": 2}"));
        failure.Expected.ShouldBe("{\"a\":2}");
        failure.Observed.ShouldBe("{\"a\":1}");
    }

    [Fact]
    public async Task Gaps_between_attempts_are_checked_against_the_timeline()
    {
        await function.CreateAsync(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        await invocation.InvokeAsync(InvocationType.Event, "{}");
        await ledger.PassAsync(TimeSpan.FromMinutes(5));

        await ledger.ExpectGapsAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        await ledger.ExpectSameRequestIdAsync();
        var failure = await Should.ThrowAsync<ExpectationFailedException>(() => ledger.ExpectGapsAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        failure.Observed.ShouldContain("#3 at +180s FunctionError");
    }

    [Fact]
    public async Task A_gap_within_bounds_holds_only_for_two_attempts_that_far_apart()
    {
        await function.CreateAsync(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        await invocation.InvokeAsync(InvocationType.Event, "{}");
        await ledger.PassAsync(TimeSpan.FromSeconds(90));

        await ledger.ExpectGapWithinAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));
        await Should.ThrowAsync<ExpectationFailedException>(() => ledger.ExpectGapWithinAsync(TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(90)));
        await Should.ThrowAsync<ExpectationFailedException>(() => ledger.ExpectGapWithinAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(50)));
        await ledger.PassAsync(TimeSpan.FromMinutes(2));
        var three = await Should.ThrowAsync<ExpectationFailedException>(() => ledger.ExpectGapWithinAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)));
        three.Observed.ShouldContain("#3");
    }

    [Fact]
    public async Task A_wrong_invocation_count_shows_the_timeline()
    {
        await function.CreateAsync(new FunctionBehaviour());
        await invocation.InvokeAsync(InvocationType.RequestResponse, "{}");

        var failure = await Should.ThrowAsync<ExpectationFailedException>(() => ledger.ExpectCountAsync(2));
        failure.Observed.ShouldStartWith("1: #1 at +0s Succeeded");
    }

    [Fact]
    public async Task A_refused_function_creation_fails_the_step_with_the_target_answer()
    {
        await function.CreateAsync(new FunctionBehaviour());
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => function.CreateAsync(new FunctionBehaviour()));
        failure.Message.ShouldContain("409 ResourceConflictException");
    }

    [Fact]
    public async Task Checking_a_response_before_any_invocation_explains_the_mistake() =>
        (await Should.ThrowAsync<InvalidOperationException>(() => invocation.ExpectStatusAsync(200))).Message.ShouldContain("No invocation was made");

    [Fact]
    public async Task Delivery_in_bounded_batches_holds_for_any_split_and_fails_for_a_missing_item_or_a_larger_batch()
    {
        await function.CreateAsync(FunctionBehaviour.Returning("null"));
        await pull.CreateQueueAsync(new QueueSpec("orders"));
        await pull.MapAsync("orders", spec => spec with { BatchSize = 3 });
        await pull.SendBatchAsync("orders", [new QueueMessage("a"), new QueueMessage("b"), new QueueMessage("c"), new QueueMessage("d")]);
        await ledger.PassAsync(TimeSpan.FromSeconds(1));

        await pull.ExpectDeliveredInBatchesOfAtMostAsync("a, b, c, d", 3);
        var missing = await Should.ThrowAsync<ExpectationFailedException>(() => pull.ExpectDeliveredInBatchesOfAtMostAsync("a, b, c, d, e", 3));
        missing.Message.ShouldContain("did not receive e");
        var larger = await Should.ThrowAsync<ExpectationFailedException>(() => pull.ExpectDeliveredInBatchesOfAtMostAsync("a, b, c, d", 2));
        larger.Message.ShouldContain("more than 2");
        await pull.ExpectReceivedAtLeastAsync("a", 1);
        (await Should.ThrowAsync<ExpectationFailedException>(() => pull.ExpectReceivedAtLeastAsync("a", 2))).Message.ShouldContain("a 1 times");
        await pull.ExpectNotReceivedAsync("z");
        await Should.ThrowAsync<ExpectationFailedException>(() => pull.ExpectNotReceivedAsync("b"));
    }
}
