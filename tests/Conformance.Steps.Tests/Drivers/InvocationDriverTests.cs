using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Drivers;
using Conformance.Targets.Reference;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>Calls made "at once" are in flight together, on a real target as on the reference engine.</summary>
public sealed class InvocationDriverTests
{
    /// <summary>
    /// A target whose invocations run until the test ends them: each call shows in the ledger when it
    /// starts, the way a real target's probe reports its start, and answers only when released.
    /// </summary>
    private sealed class HeldTarget : ITarget
    {
        private readonly List<InvocationRecord> started = [];
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Running { get; private set; }

        public int MostRunning { get; private set; }

        public void Release() => released.TrySetResult();

        public string Name => "held";

        public TargetCapabilities Traits { get; } = TargetCapabilities.Of(TargetCapabilities.SyncInvoke) with { ObservationWindow = TimeSpan.FromSeconds(5) };

        public DateTimeOffset Now => DateTimeOffset.UtcNow;

        public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default)
        {
            await Task.Yield(); // the call is on the wire; the caller goes on
            lock (started)
            {
                started.Add(new InvocationRecord(DateTimeOffset.UtcNow, request.FunctionName, $"r{started.Count}", () => request.Payload, InvocationOutcome.Succeeded, "null"));
                MostRunning = Math.Max(MostRunning, ++Running);
            }
            await released.Task.WaitAsync(cancellation);
            lock (started) Running--;
            return new InvokeResponse(200, "r", "null");
        }

        public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default)
        {
            lock (started) return Task.FromResult<IReadOnlyList<InvocationRecord>>([.. started]);
        }

        public Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) => Task.FromResult(ApiResult.Ok);

        public Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) => Task.FromResult(ApiResult.Ok);

        public Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default) => Task.FromResult<string?>(null);

        public Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) => Task.FromResult(ApiResult.Ok);

        public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default) => Task.Delay(duration, cancellation);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static InvocationDriver Driver(ITarget target) =>
        new(target, new FunctionDriver(target, new DeclaredFunctions()), new ObservationWindow(target, WorkerSlot.Unshared()));

    [Fact]
    public async Task Calls_made_at_once_all_run_together_and_the_step_ends_while_they_still_run()
    {
        var target = new HeldTarget();
        await using var invocation = Driver(target);

        await invocation.InvokeAtOnceAsync(3);

        target.Running.ShouldBe(3);
        var responses = invocation.ResponsesAsync();
        responses.IsCompleted.ShouldBeFalse(); // the answers come when the executions end
        target.Release();
        (await responses).Select(r => r.StatusCode).ShouldBe([200, 200, 200]);
        target.MostRunning.ShouldBe(3);
    }

    [Fact]
    public async Task A_call_still_running_when_the_scenario_ends_is_cancelled()
    {
        var target = new HeldTarget();
        var invocation = Driver(target);
        await invocation.InvokeAtOnceAsync(1);

        await invocation.DisposeAsync(); // returns although the execution was never released

        target.Running.ShouldBe(1);
    }

    [Fact]
    public async Task On_the_reference_engine_calls_at_once_start_at_one_instant_and_the_reservation_throttles_the_rest()
    {
        var target = new ReferenceTarget();
        var function = new FunctionDriver(target, new DeclaredFunctions());
        await using var invocation = new InvocationDriver(target, function, new ObservationWindow(target, WorkerSlot.Unshared()));
        await function.CreateAsync(FunctionBehaviour.Returning("null") with { Duration = TimeSpan.FromSeconds(10) }, TimeSpan.FromSeconds(30));
        await function.ReserveConcurrencyAsync(2);

        await invocation.InvokeAtOnceAsync(3);

        await invocation.ExpectStatusesAsync("200, 200, 429");
        await invocation.ExpectThrottledAsync("ReservedFunctionConcurrentInvocationLimitExceeded");
        (await target.GetInvocationsAsync("probe")).Select(r => r.At).Distinct().ShouldHaveSingleItem();
    }
}
