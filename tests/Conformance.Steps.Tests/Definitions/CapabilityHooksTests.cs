using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Definitions;

namespace Conformance.Steps.Tests.Definitions;

public sealed class CapabilityHooksTests
{
    [Fact]
    public void A_scenario_needing_a_missing_capability_is_skipped_as_not_applicable()
    {
        var scenario = new ScenarioInfo("F", "S", "features/f.feature", ["@async", "@needs:virtual-time"]);
        var hooks = new CapabilityHooks(scenario, new RealTimeTarget());

        var skipped = Should.Throw<SkippedStepException>(hooks.SkipWhenNotApplicable);
        skipped.Message.ShouldBe("not applicable: the real-time target lacks virtual-time");
    }

    [Fact]
    public void A_scenario_whose_needs_are_met_runs()
    {
        var scenario = new ScenarioInfo("F", "S", "features/f.feature", ["@needs:invoke-sync"]);
        Should.NotThrow(new CapabilityHooks(scenario, new RealTimeTarget()).SkipWhenNotApplicable);
    }

    /// <summary>A target that only declares capabilities; the hook never calls the rest.</summary>
    private sealed class RealTimeTarget : ITarget
    {
        public string Name => "real-time";
        public TargetCapabilities Capabilities { get; } = TargetCapabilities.Of(TargetCapabilities.SyncInvoke);
        public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
        public Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) => throw new NotSupportedException();
        public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) => throw new NotSupportedException();
        public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default) => throw new NotSupportedException();
        public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
