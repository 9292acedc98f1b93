namespace Conformance.Gherkin.Execution;

/// <summary>A scenario that has stepped away from its worker slot to wait, and until when.</summary>
public sealed record WaitNotice(string Scenario, DateTimeOffset Until, bool Ended);

/// <summary>
/// The place a running scenario holds among the run's parallel workers. A scenario that only waits
/// (real minutes passing on a real target) steps away with <see cref="AwayAsync"/>: its slot goes to
/// another scenario meanwhile, and it takes a slot again before its next step acts. Time away does
/// not count towards the step timeout. Bindings may ask for it in their constructor.
/// </summary>
public sealed class WorkerSlot
{
    private readonly WorkerSlots? slots;
    private readonly Action<WaitNotice>? onWait;
    private readonly string scenario;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private TimeSpan awayBefore;
    private DateTimeOffset? awaySince;

    /// <param name="slots">The run's slots, of which this scenario holds one (null: the run is sequential, nothing to hand over).</param>
    /// <param name="scenario">The scenario's name, for the notices.</param>
    /// <param name="onWait">Told when a wait starts and ends.</param>
    /// <param name="clock">The wall clock that measures the time away.</param>
    internal WorkerSlot(WorkerSlots? slots, string scenario, Action<WaitNotice>? onWait, TimeProvider clock)
    {
        this.slots = slots;
        this.scenario = scenario;
        this.onWait = onWait;
        this.clock = clock;
        Held = slots is not null;
    }

    /// <summary>A slot of a run that hands nothing over (one scenario at a time, or a scenario run on its own).</summary>
    public static WorkerSlot Unshared(string scenario = "", TimeProvider? clock = null) => new(null, scenario, null, clock ?? TimeProvider.System);

    /// <summary>Whether the scenario holds one of the run's slots now (always false for <see cref="Unshared"/>).</summary>
    private bool Held { get; set; }

    /// <summary>How long the scenario has spent away so far, including a wait in progress.</summary>
    public TimeSpan TimeAway
    {
        get
        {
            lock (gate) return awayBefore + (awaySince is { } since ? clock.GetUtcNow() - since : TimeSpan.Zero);
        }
    }

    public bool IsAway
    {
        get
        {
            lock (gate) return awaySince is not null;
        }
    }

    /// <summary>
    /// Runs <paramref name="wait"/> (which should only wait, until about <paramref name="until"/>)
    /// without holding a slot, and takes one again afterwards.
    /// </summary>
    public async Task AwayAsync(DateTimeOffset until, Func<Task> wait)
    {
        lock (gate) awaySince = clock.GetUtcNow();
        onWait?.Invoke(new WaitNotice(scenario, until, Ended: false));
        if (Held)
        {
            Held = false;
            slots!.Release();
        }
        try
        {
            await wait();
        }
        finally
        {
            onWait?.Invoke(new WaitNotice(scenario, until, Ended: true));
            if (slots is not null)
            {
                await slots.TakeToReturnAsync();
                Held = true;
            }
            lock (gate)
            {
                awayBefore += clock.GetUtcNow() - awaySince!.Value;
                awaySince = null;
            }
        }
    }
}
