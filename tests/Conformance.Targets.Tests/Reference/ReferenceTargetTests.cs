using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;
using Conformance.Targets.Reference;

namespace Conformance.Targets.Tests.Reference;

public sealed class ReferenceTargetTests
{
    [Fact]
    public async Task Declares_virtual_time_and_both_invocation_types()
    {
        await using var target = new ReferenceTarget();
        target.Capabilities.Has(TargetCapabilities.VirtualTime).ShouldBeTrue();
        target.Capabilities.Has(TargetCapabilities.SyncInvoke).ShouldBeTrue();
        target.Capabilities.Has(TargetCapabilities.AsyncInvoke).ShouldBeTrue();
        target.Now.ShouldBe(ReferenceTarget.Epoch);
    }

    [Fact]
    public async Task An_accepted_async_event_is_attempted_at_once_and_retried_as_time_passes()
    {
        await using var target = new ReferenceTarget();
        await target.CreateFunctionAsync(new FunctionSpec("fn", FunctionBehaviour.AlwaysFailing("Error", "boom")));

        await target.InvokeAsync(new InvokeRequest("fn", InvocationType.Event, "{}"));
        (await target.GetInvocationsAsync("fn")).Count.ShouldBe(1);
        await target.AdvanceAsync(TimeSpan.FromMinutes(1));
        (await target.GetInvocationsAsync("fn")).Count.ShouldBe(2);
        target.Now.ShouldBe(ReferenceTarget.Epoch.AddMinutes(1));
    }

    [Fact]
    public async Task Each_instance_is_an_isolated_lambda()
    {
        await using var first = new ReferenceTarget();
        await using var second = new ReferenceTarget();
        await first.CreateFunctionAsync(new FunctionSpec("fn", new FunctionBehaviour()));

        (await second.InvokeAsync(new InvokeRequest("fn", InvocationType.RequestResponse, "{}"))).StatusCode.ShouldBe(404);
    }
}
