namespace Conformance.Targets.Processes;

/// <summary>Runs an action when disposed (to undo a setting at the end of a scope).</summary>
public sealed class OnDispose(Action action) : IDisposable
{
    public void Dispose() => action();
}
