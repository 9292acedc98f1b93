using Conformance.Core.Functions;
using Conformance.Engine.Pull.Batches;

namespace Conformance.Engine.Pull;

/// <summary>The states of an event source mapping (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html, <c>EventSourceMappingConfiguration.State</c>).</summary>
public enum MappingState
{
    Creating,
    Enabling,
    Enabled,
    Disabling,
    Disabled,
    Updating,
    Deleting,
}

/// <summary>
/// An event source mapping: the state machine its worker runs by. The workers
/// (<see cref="Sqs.SqsMappingWorker"/>, <see cref="Streams.StreamMappingWorker"/>) compose a poller of
/// their source, a <see cref="BatchFilter"/> and a <see cref="BatchSender"/>. The state machine: a mapping is
/// <c>Creating</c> until its poller starts (after <see cref="EngineSettings.MappingStartDelay"/>), then
/// <c>Enabled</c> or <c>Disabled</c>; enabling or disabling passes through <c>Enabling</c>/<c>Disabling</c>.
/// Only an <c>Enabled</c> mapping polls; a stream mapping keeps its position while disabled. Any other
/// transition is a fault of the engine and is refused. (<c>Updating</c> and <c>Deleting</c> are not
/// reached: the engine has no UpdateEventSourceMapping of other settings and no DeleteEventSourceMapping.)
/// </summary>
internal abstract class EventSourceMapping(string uuid, EventSourceMappingSpec spec, BatchFilter filter)
{
    public string Uuid { get; } = uuid;
    public EventSourceMappingSpec Spec { get; protected set; } = spec;
    private protected BatchFilter Filter { get; } = filter;
    public MappingState State { get; protected set; } = MappingState.Creating;

    /// <summary>Records or messages dropped by the filters.</summary>
    public int FilteredOut => Filter.FilteredOut;

    private static readonly Dictionary<MappingState, MappingState[]> Allowed = new()
    {
        [MappingState.Creating] = [MappingState.Enabled, MappingState.Disabled],
        [MappingState.Enabled] = [MappingState.Enabling, MappingState.Disabling],
        [MappingState.Disabled] = [MappingState.Enabling, MappingState.Disabling],
        [MappingState.Enabling] = [MappingState.Enabled],
        [MappingState.Disabling] = [MappingState.Disabled],
    };

    /// <summary>Whether the state machine allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(MappingState from, MappingState to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    internal void Transition(MappingState state)
    {
        if (!CanTransition(State, state)) throw new InvalidOperationException($"An event source mapping cannot go from {State} to {state}.");
        State = state;
        if (state == MappingState.Enabled) OnEnabled();
    }

    /// <summary>The mapping became enabled: start (or resume) polling.</summary>
    protected abstract void OnEnabled();
}
