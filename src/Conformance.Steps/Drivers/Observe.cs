using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Checks of what a target did after the fact. On virtual time (an observation window of zero) a
/// check runs once: everything due has happened when the step runs. A real target delivers
/// asynchronously, so a check that something happened is repeated until it holds or the target's
/// observation window has passed (the last failure is reported), and a check that nothing happened
/// must hold for the whole window (the first time it does not is reported).
/// </summary>
internal static class Observe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Task EventuallyAsync(ITarget target, Func<Task> check) => EventuallyAsync(target.Capabilities.ObservationWindow, check);

    /// <summary>A whole window of watching is a wait: it is spent away from the worker slot.</summary>
    public static Task ThroughoutAsync(ITarget target, WorkerSlot slot, Func<Task> check)
    {
        var window = target.Capabilities.ObservationWindow;
        return window == TimeSpan.Zero
            ? ThroughoutAsync(window, check)
            : slot.AwayAsync(DateTimeOffset.UtcNow + window, () => ThroughoutAsync(window, check));
    }

    /// <summary>Repeats <paramref name="check"/> until it holds, or until <paramref name="window"/> has passed and it still fails.</summary>
    public static async Task EventuallyAsync(TimeSpan window, Func<Task> check)
    {
        var deadline = DateTimeOffset.UtcNow + window;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (ExpectationFailedException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(PollInterval);
            }
        }
    }

    /// <summary>Repeats <paramref name="check"/> until <paramref name="window"/> has passed; the first failure ends it.</summary>
    public static async Task ThroughoutAsync(TimeSpan window, Func<Task> check)
    {
        var deadline = DateTimeOffset.UtcNow + window;
        while (true)
        {
            await check();
            if (DateTimeOffset.UtcNow >= deadline) return;
            await Task.Delay(PollInterval);
        }
    }
}
