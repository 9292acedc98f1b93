using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;

namespace Conformance.Core.Targets;

/// <summary>The kinds of resource a destination or dead-letter target can be.</summary>
public enum DestinationKind
{
    SqsQueue,
    SqsFifoQueue,
    SnsTopic,
    EventBus,
    S3Bucket,
    Function,
}

/// <summary>
/// The core of the port every target implements: the reference engine, a local emulator or deployed
/// AWS. A target has functions, invokes them, lets time pass and keeps the invocation ledger; all else
/// is a facet it implements only when it has it (<see cref="IVersions"/>, <see cref="ISqsSource"/>, ...
/// in <c>Facets.cs</c>), and its <see cref="Capabilities"/> follow from the facets present. Steps speak
/// only to these interfaces, so one scenario runs unchanged on every target. Mistakes by the caller come
/// back as <see cref="ApiResult"/> or <see cref="InvokeResponse"/> errors, never as exceptions; a
/// facet's method may still throw <see cref="NotSupportedException"/> for a part the target lacks.
/// </summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>What the target does that no facet's presence tells (e.g. <c>log-tail</c>), and its timing.</summary>
    TargetCapabilities Traits { get; }

    /// <summary>The traits and the capabilities of the facets this target implements.</summary>
    TargetCapabilities Capabilities => TargetFacets.Derive(GetType(), Traits);

    /// <summary>The time on the target's clock.</summary>
    DateTimeOffset Now { get; }

    Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default);

    /// <summary><c>UpdateFunctionConfiguration</c> of <c>$LATEST</c>.</summary>
    Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default);

    /// <summary>
    /// The function's unqualified ARN, as the target gave it when it created the function, for scenarios
    /// that name the function by its ARN; null for a function the target does not have.
    /// </summary>
    Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default);

    Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default);

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default);

    /// <summary>Lets time pass: at once on a <see cref="IVirtualClock"/>, by waiting on a real target.</summary>
    Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default);

    /// <summary>The invocation ledger of a function, oldest first.</summary>
    Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default);

    /// <summary>
    /// A value the target answered (the ARN it gave a resource it created) as it appears in what the
    /// target delivers. An adapter that keeps scenarios apart on shared servers by a name prefix shows
    /// the scenario's own names in delivered events, and so here; on other targets it is unchanged.
    /// </summary>
    string AsDelivered(string answered) => answered;
}
