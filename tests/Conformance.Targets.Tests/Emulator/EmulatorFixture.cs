using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

/// <summary>
/// The real emulator stack (installed with npm on first use, then its Node and Java servers), started once
/// for the tests of a class and always stopped.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Stack = await EmulatorStack.StartAsync(TextWriter.Null);

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
