using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;

namespace Conformance.Core.Targets;

/// <summary>
/// The port every target implements: the reference engine, a local emulator or deployed AWS.
/// Steps speak only to this interface, so one scenario runs unchanged on every target.
/// Provisioning, acting and observing; mistakes by the caller come back as <see cref="ApiResult"/>
/// or <see cref="InvokeResponse"/> errors, never as exceptions.
/// </summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    TargetCapabilities Capabilities { get; }

    /// <summary>The time on the target's clock.</summary>
    DateTimeOffset Now { get; }

    Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default);

    Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default);

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default);

    /// <summary>Lets time pass: instantly on virtual time, by waiting on real targets.</summary>
    Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default);

    /// <summary>The invocation ledger of a function, oldest first.</summary>
    Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default);
}
