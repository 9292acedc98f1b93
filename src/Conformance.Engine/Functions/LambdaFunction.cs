using Conformance.Core.Functions;

namespace Conformance.Engine.Functions;

/// <summary>A function as the engine holds it: its spec, async settings and invocation counter.</summary>
internal sealed class LambdaFunction(FunctionSpec spec, EngineSettings settings)
{
    public FunctionSpec Spec { get; } = spec;
    public string Name => Spec.Name;
    public int MaximumRetryAttempts { get; set; } = settings.DefaultMaximumRetryAttempts;
    public int MaximumEventAgeInSeconds { get; set; } = settings.DefaultMaximumEventAgeInSeconds;
    public int Invocations { get; set; }
}
