using Conformance.Core.Functions;
using Conformance.Steps.Drivers;
using Conformance.Targets.Reference;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>The batch checks of the pull steps against the reference target.</summary>
public sealed class PullSourceDriverTests
{
    private readonly ReferenceTarget target = new();
    private readonly FunctionDriver function;
    private readonly PullSourceDriver pull;
    private readonly LedgerDriver ledger;

    public PullSourceDriverTests()
    {
        function = new FunctionDriver(target);
        pull = new PullSourceDriver(target, function, Conformance.Gherkin.Execution.WorkerSlot.Unshared());
        ledger = new LedgerDriver(target, function, Conformance.Gherkin.Execution.WorkerSlot.Unshared());
    }

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
