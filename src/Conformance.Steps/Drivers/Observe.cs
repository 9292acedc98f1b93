using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Checks of what a target did after the fact. On virtual time the check runs once; a real target
/// delivers asynchronously, so the check is repeated until it holds or the target's observation
/// window has passed, and the last failure is reported.
/// </summary>
internal static class Observe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task EventuallyAsync(ITarget target, Func<Task> check)
    {
        var deadline = DateTimeOffset.UtcNow + target.Capabilities.ObservationWindow;
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
}
