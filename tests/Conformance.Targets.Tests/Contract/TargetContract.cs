using System.Reflection;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Targets.Tests.Contract;

/// <summary>
/// What every adapter owes the steps, whatever it plays Lambda with: its capabilities are exactly its
/// traits and the facets it implements, a facet it lacks is "unsupported" by name, and the core (a
/// function, an invocation, the ledger) and each facet it has work through the port. One suite, run
/// for each target (the classes below).
/// </summary>
public abstract class TargetContract
{
    protected abstract Task<ITarget> NewTargetAsync();

    /// <summary>How long a target may take to show what it did (zero on virtual time).</summary>
    private static async Task<T> EventuallyAsync<T>(ITarget target, Func<Task<T>> read, Func<T, bool> holds)
    {
        var deadline = DateTimeOffset.UtcNow + target.Capabilities.ObservationWindow;
        while (true)
        {
            var value = await read();
            if (holds(value) || DateTimeOffset.UtcNow >= deadline) return value;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Its_capabilities_are_its_traits_and_the_facets_it_implements()
    {
        await using var target = await NewTargetAsync();

        foreach (var (facet, capability) in TargetFacets.Capabilities)
            target.Capabilities.Has(capability).ShouldBe(facet.IsInstanceOfType(target), $"{target.Name}: {capability} against {facet.Name}");
        target.Traits.Names.ShouldAllBe(trait => target.Capabilities.Has(trait));
    }

    [Fact]
    public async Task A_facet_it_lacks_is_unsupported_naming_the_capability()
    {
        await using var target = await NewTargetAsync();
        var facetOf = typeof(TargetFacets).GetMethod(nameof(TargetFacets.Facet))!;

        foreach (var (facet, capability) in TargetFacets.Capabilities.Where(f => !f.Key.IsInstanceOfType(target)))
        {
            var lacking = Should.Throw<TargetInvocationException>(() => facetOf.MakeGenericMethod(facet).Invoke(null, [target]));
            lacking.InnerException.ShouldBeOfType<NotSupportedException>().Message.ShouldBe($"the {target.Name} target lacks {capability}");
        }
    }

    [Fact]
    public async Task A_function_it_created_answers_an_invocation_and_the_ledger_holds_it()
    {
        await using var target = await NewTargetAsync();
        (await target.CreateFunctionAsync(new FunctionSpec("probe", FunctionBehaviour.Returning("{\"ok\":true}")))).Succeeded.ShouldBeTrue();

        var response = await target.InvokeAsync(new InvokeRequest("probe", InvocationType.RequestResponse, "{\"n\":1}"));
        var ledger = await EventuallyAsync(target, () => target.GetInvocationsAsync("probe"), records => records.Count == 1);

        response.StatusCode.ShouldBe(200);
        System.Text.Json.Nodes.JsonNode.Parse(response.Payload!)!["ok"]!.GetValue<bool>().ShouldBeTrue();
        ledger.ShouldHaveSingleItem().Event.ShouldContain("\"n\"");
    }

    [Fact]
    public async Task A_function_that_does_not_exist_is_an_answer_from_the_target_not_an_exception()
    {
        await using var target = await NewTargetAsync();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));

        var response = await target.InvokeAsync(new InvokeRequest("no-such-function", InvocationType.RequestResponse, "{}"));

        response.StatusCode.ShouldBeGreaterThanOrEqualTo(400);
        (await target.GetInvocationsAsync("probe")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_asynchronous_invocation_is_accepted_at_once_and_then_runs()
    {
        await using var target = await NewTargetAsync();
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));

        var response = await target.InvokeAsync(new InvokeRequest("probe", InvocationType.Event, "{}"));
        await target.AdvanceAsync(TimeSpan.FromSeconds(1));
        var ledger = await EventuallyAsync(target, () => target.GetInvocationsAsync("probe"), records => records.Count == 1);

        response.StatusCode.ShouldBe(202);
        ledger.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_queue_it_offers_holds_what_is_sent_to_it()
    {
        await using var target = await NewTargetAsync();
        if (target is not ISqsSource queues) return; // the facet is absent, which the tests above hold it to
        await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour())); // as in every scenario
        (await queues.CreateQueueAsync(new QueueSpec("orders"))).Result.Succeeded.ShouldBeTrue();

        (await queues.SendMessageAsync("orders", new QueueMessage("hello"))).Result.Succeeded.ShouldBeTrue();

        (await queues.GetQueueBodiesAsync("orders")).ShouldBe(["hello"]);
        (await queues.GetQueueStateAsync("no-such-queue")).ShouldBeNull();
    }
}

public sealed class ReferenceTargetContract : TargetContract
{
    protected override Task<ITarget> NewTargetAsync() => Task.FromResult<ITarget>(new Conformance.Targets.Reference.ReferenceTarget());
}

// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class EmulatorTargetContract(Emulator.EmulatorFixture emulator) : TargetContract, IClassFixture<Emulator.EmulatorFixture>
{
    protected override Task<ITarget> NewTargetAsync() => Task.FromResult<ITarget>(emulator.Stack.CreateTarget());
}

// Needs what ./test.sh installs (serverless-aws-lambda's npm packages): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class AwsLambdaTargetContract(ServerlessAwsLambda.AwsLambdaFixture fixture) : TargetContract, IClassFixture<ServerlessAwsLambda.AwsLambdaFixture>
{
    protected override Task<ITarget> NewTargetAsync() => Task.FromResult<ITarget>(fixture.Stack.CreateTarget());
}

/// <summary>The AWS adapter's declared capabilities follow from its facets too (no AWS here: see the wire tests).</summary>
public sealed class AwsTargetContract
{
    [Fact]
    public void Its_declared_capabilities_are_its_facets_and_traits()
    {
        foreach (var (facet, capability) in TargetFacets.Capabilities)
            Conformance.Targets.Aws.AwsTarget.Declared.Has(capability).ShouldBe(facet.IsAssignableFrom(typeof(Conformance.Targets.Aws.AwsTarget)), capability);
        Conformance.Targets.Aws.AwsTarget.Declared.Has(TargetCapabilities.ApiGateway).ShouldBeTrue();
        Conformance.Targets.Aws.AwsTarget.Declared.Has(TargetCapabilities.Schedules).ShouldBeTrue();
        Conformance.Targets.Aws.AwsTarget.Declared.Has(TargetCapabilities.FaultInjection).ShouldBeFalse();
        Conformance.Targets.Aws.AwsTarget.Declared.Has(TargetCapabilities.S3).ShouldBeTrue();
    }
}
