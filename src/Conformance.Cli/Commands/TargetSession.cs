using Conformance.Core.Targets;
using Conformance.Targets.Emulator;
using Conformance.Targets.Reference;

namespace Conformance.Cli.Commands;

/// <summary>
/// The target a run uses: how to build each scenario's <see cref="ITarget"/>, and whatever lives for the
/// whole run (the emulator stack's processes), stopped when the session is disposed, also after a
/// failure or Ctrl+C.
/// </summary>
internal sealed class TargetSession : IAsyncDisposable
{
    public static readonly string[] Names = ["reference", "emulator"];

    private readonly IAsyncDisposable? resources;

    private TargetSession(string name, Func<ITarget> create, IAsyncDisposable? resources)
    {
        Name = name;
        Create = create;
        this.resources = resources;
    }

    public string Name { get; }

    public Func<ITarget> Create { get; }

    /// <summary>Starts the target; throws <see cref="Conformance.Targets.TargetUnavailableException"/> when it cannot run here.</summary>
    public static async Task<TargetSession> StartAsync(string name, int seed, TextWriter progress, CancellationToken cancellation)
    {
        switch (name)
        {
            case "emulator":
                var stack = await EmulatorStack.StartAsync(progress, cancellation);
                return new TargetSession(name, stack.CreateTarget, stack);
            default:
                return new TargetSession(name, () => new ReferenceTarget(seed), null);
        }
    }

    public ValueTask DisposeAsync() => resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
