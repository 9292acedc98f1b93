using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Engine;
using Conformance.Engine.Time;

namespace Conformance.Targets.Reference;

/// <summary>
/// The reference engine behind the target port, on a virtual clock: letting time pass is instant,
/// and everything that falls due runs in order. Each instance is a fresh, isolated Lambda.
/// </summary>
public sealed class ReferenceTarget : ITarget
{
    /// <summary>Where the virtual clock starts; any fixed instant keeps runs repeatable.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly VirtualClock clock = new(Epoch);
    private readonly LambdaEngine engine;

    public ReferenceTarget(int seed = 0, EngineSettings? settings = null) => engine = new LambdaEngine(clock, settings, seed);

    public string Name => "reference";

    public TargetCapabilities Capabilities { get; } = TargetCapabilities.Of(
        TargetCapabilities.VirtualTime, TargetCapabilities.SyncInvoke, TargetCapabilities.AsyncInvoke);

    public DateTimeOffset Now => clock.GetUtcNow();

    public LambdaEngine Engine => engine;

    public Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) =>
        Task.FromResult(engine.CreateFunction(spec));

    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) =>
        Task.FromResult(engine.PutFunctionEventInvokeConfig(functionName, config));

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default)
    {
        var response = engine.Invoke(request);
        clock.RunDue(); // an accepted async event gets its first attempt now
        return Task.FromResult(response);
    }

    public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        clock.Advance(duration);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default)
    {
        clock.RunDue();
        return Task.FromResult(engine.Invocations(functionName));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
