using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The scenario's observation window. It opens again with every act on the target (an invocation, a
/// message sent, a record put or an item written, a request to an API, time let pass) and closes the
/// target's <see cref="TargetCapabilities.ObservationWindow"/> later. A count, and "nothing (more)
/// happened", are judged over the whole window, so an effect that a real target delivers late still
/// counts, and a count that matches early but grows later fails. On virtual time the window has no
/// length: everything due has happened when a step runs, so each check looks once.
/// </summary>
public sealed class ObservationWindow
{
    private readonly TimeSpan length;
    private readonly WorkerSlot slot;
    private readonly TimeProvider clock;
    private DateTimeOffset lastAct;

    public ObservationWindow(ITarget target, WorkerSlot slot) : this(target.Capabilities.ObservationWindow, slot, TimeProvider.System)
    {
    }

    internal ObservationWindow(TimeSpan length, WorkerSlot slot, TimeProvider clock)
    {
        this.length = length;
        this.slot = slot;
        this.clock = clock;
        lastAct = clock.GetUtcNow();
    }

    /// <summary>When the window closes: the target's observation window after the scenario's last act.</summary>
    public DateTimeOffset ClosesAt => lastAct + length;

    /// <summary>The scenario acted on the target: what it set in motion is watched for a whole window from now.</summary>
    public void Acted() => lastAct = clock.GetUtcNow();

    /// <summary>
    /// A call that mostly waits for the target (a synchronous call to a function that runs for
    /// <paramref name="expected"/>): on a real target a call expected to take seconds is made away from the
    /// worker slot, so other scenarios run meanwhile.
    /// </summary>
    public async Task<T> WaitingForAsync<T>(TimeSpan expected, Func<Task<T>> call)
    {
        if (length == TimeSpan.Zero || expected < LongCall) return await call();
        T result = default!;
        await slot.AwayAsync(clock.GetUtcNow() + expected, async () => result = await call());
        return result;
    }

    /// <summary>How long a call must be expected to take to be made away from the slot: long enough that handing the slot over pays.</summary>
    private static readonly TimeSpan LongCall = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Something happened: looked at now, and if it has not (yet), again and again until it holds or the
    /// target's observation window from now has passed (the last failure is reported). The looking
    /// after the first is spent away from the worker slot: it only waits.
    /// </summary>
    public async Task EventuallyAsync(Func<Task> check)
    {
        try
        {
            await check();
            return;
        }
        catch (ExpectationFailedException) when (length > TimeSpan.Zero)
        {
        }
        var deadline = clock.GetUtcNow() + length;
        await slot.AwayAsync(deadline, () => Observe.EventuallyAsync(length, check, clock));
    }

    /// <summary>
    /// A count or a final state: judged once, when the window closes (the wait is spent away from the
    /// worker slot). A later check in the same window does not wait again.
    /// </summary>
    public async Task SettledAsync(Func<Task> check)
    {
        var wait = ClosesAt - clock.GetUtcNow();
        if (length > TimeSpan.Zero && wait > TimeSpan.Zero)
            await slot.AwayAsync(ClosesAt, () => Task.Delay(wait, clock));
        await check();
    }

    /// <summary>Nothing happened: looked at now and again until the window closes; the first sight of it fails.</summary>
    public async Task ThroughoutAsync(Func<Task> check)
    {
        await check();
        var wait = ClosesAt - clock.GetUtcNow();
        if (length == TimeSpan.Zero || wait <= TimeSpan.Zero) return;
        await slot.AwayAsync(ClosesAt, () => Observe.ThroughoutAsync(wait, check, clock));
    }
}
