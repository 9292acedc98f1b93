namespace Conformance.Steps.Drivers;

/// <summary>
/// The polling loops behind <see cref="ObservationWindow"/>: a check repeated until it holds or a
/// window has passed, and a check that must hold at every look until a window has passed.
/// </summary>
internal static class Observe
{
    /// <summary>How often "something happened" looks again: soon enough that a pass is not held up.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often "nothing happened" looks: what it would see stays seen (an invocation, a record), and the
    /// last look is at the window's end, so looking less often misses nothing and spares the target.
    /// </summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    /// <summary>Repeats <paramref name="check"/> until it holds, or until <paramref name="window"/> has passed and it still fails.</summary>
    public static async Task EventuallyAsync(TimeSpan window, Func<Task> check, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var deadline = clock.GetUtcNow() + window;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (ExpectationFailedException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(PollInterval, clock);
            }
        }
    }

    /// <summary>Repeats <paramref name="check"/> until <paramref name="window"/> has passed; the first failure ends it.</summary>
    public static async Task ThroughoutAsync(TimeSpan window, Func<Task> check, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var deadline = clock.GetUtcNow() + window;
        while (true)
        {
            await check();
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return;
            await Task.Delay(left < WatchInterval ? left : WatchInterval, clock);
        }
    }
}
