using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

/// <summary>
/// The real emulator stack (installed with npm on first use, then its Node and Java servers), started once
/// for the tests of a class and always stopped.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorStack? stack;

    public EmulatorStack Stack => stack ?? throw new InvalidOperationException("the emulator stack did not start");

    public async ValueTask InitializeAsync() => stack = await EmulatorStack.StartAsync(TextWriter.Null);

    public async ValueTask DisposeAsync()
    {
        if (stack is not null) await stack.DisposeAsync();
    }
}
