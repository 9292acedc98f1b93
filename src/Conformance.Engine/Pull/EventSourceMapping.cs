using Conformance.Core.Functions;
using Conformance.Engine.Pull.Filtering;

namespace Conformance.Engine.Pull;

/// <summary>The states of an event source mapping (lambda-semantics.md §7, <c>EventSourceMappingConfiguration.State</c>).</summary>
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
/// An event source mapping and the worker that polls its source. The state machine: a mapping is
/// <c>Creating</c> until its poller starts (after <see cref="EngineSettings.MappingStartDelay"/>), then
/// <c>Enabled</c> or <c>Disabled</c>; enabling or disabling passes through <c>Enabling</c>/<c>Disabling</c>.
/// Only an <c>Enabled</c> mapping polls; a stream mapping keeps its position while disabled.
/// </summary>
public abstract class EventSourceMapping(string uuid, EventSourceMappingSpec spec, FilterCriteria filters)
{
    public string Uuid { get; } = uuid;
    public EventSourceMappingSpec Spec { get; protected set; } = spec;
    public FilterCriteria Filters { get; } = filters;
    public MappingState State { get; protected set; } = MappingState.Creating;

    /// <summary>Records or messages dropped by the filters.</summary>
    public int FilteredOut { get; protected set; }

    internal void Transition(MappingState state)
    {
        State = state;
        if (state == MappingState.Enabled) OnEnabled();
    }

    /// <summary>The mapping became enabled: start (or resume) polling.</summary>
    protected abstract void OnEnabled();
}
