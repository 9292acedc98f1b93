using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Time;

namespace Conformance.Engine.Tests;

/// <summary>An engine on a virtual clock, with helpers to create functions and invoke them.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public EngineFixture(int seed = 0, EngineSettings? settings = null) => Engine = new LambdaEngine(Clock, settings, seed);

    public VirtualClock Clock { get; } = new(Start);
    public LambdaEngine Engine { get; }

    public EngineFixture WithFunction(FunctionBehaviour behaviour, string name = "fn", TimeSpan? timeout = null)
    {
        Engine.CreateFunction(new FunctionSpec(name, behaviour) { Timeout = timeout ?? TimeSpan.FromSeconds(3) }).Succeeded.ShouldBeTrue();
        return this;
    }

    public InvokeResponse Invoke(InvocationType type, string payload = "{}", string name = "fn") => Invoke(new InvokeRequest(name, type, payload));

    public InvokeResponse Invoke(InvokeRequest request)
    {
        var response = Engine.Invoke(request);
        Clock.RunDue();
        return response;
    }

    public EngineFixture Allow(string principal, string name = "fn")
    {
        Engine.AddPermission(name, new Core.Functions.PermissionStatement($"allow-{principal}", principal)).Succeeded.ShouldBeTrue();
        return this;
    }

    public void Pass(TimeSpan duration) => Clock.Advance(duration);

    /// <summary>Seconds since the start of the clock at which each invocation of the function happened.</summary>
    public IEnumerable<double> InvocationTimes(string name = "fn") => Engine.Invocations(name).Select(r => (r.At - Start).TotalSeconds);
}
