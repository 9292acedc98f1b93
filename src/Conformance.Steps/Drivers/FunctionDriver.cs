using Conformance.Core.Functions;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Creates and configures the scenario's probe function on the target.</summary>
public sealed class FunctionDriver(ITarget target)
{
    /// <summary>The name of the scenario's function, once created.</summary>
    public string Name { get; private set; } = "probe";

    public async Task CreateAsync(FunctionBehaviour behaviour, TimeSpan? timeout = null)
    {
        var spec = new FunctionSpec(Name, behaviour) { Timeout = timeout ?? TimeSpan.FromSeconds(3) };
        var result = await target.CreateFunctionAsync(spec);
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused to create the function: {result}");
    }

    public async Task ConfigureAsyncAsync(EventInvokeConfig config)
    {
        var result = await target.PutEventInvokeConfigAsync(Name, config);
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused the asynchronous configuration: {result}");
    }

    /// <summary>Attempts a configuration that may be refused, keeping the answer for later steps.</summary>
    public async Task<Core.Invocation.ApiResult> TryConfigureAsyncAsync(EventInvokeConfig config) =>
        await target.PutEventInvokeConfigAsync(Name, config);
}
