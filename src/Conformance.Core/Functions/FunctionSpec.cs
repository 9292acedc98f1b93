namespace Conformance.Core.Functions;

/// <summary>A function to create on a target: its name, configuration and programmed behaviour.</summary>
public sealed record FunctionSpec(string Name, FunctionBehaviour Behaviour)
{
    /// <summary>The function's timeout (Lambda allows 1 to 900 seconds; 3 seconds by default).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>
/// Asynchronous invocation settings (<c>PutFunctionEventInvokeConfig</c>). Null fields keep the
/// defaults: 2 retries, 21,600 seconds of event age.
/// </summary>
public sealed record EventInvokeConfig(int? MaximumRetryAttempts = null, int? MaximumEventAgeInSeconds = null);
