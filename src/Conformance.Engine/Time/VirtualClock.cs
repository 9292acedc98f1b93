namespace Conformance.Engine.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when told to. <see cref="Advance"/> fires the
/// timers that fall due in order of their due time, with the clock set to each timer's due time while
/// its callback runs, so work scheduled hours ahead runs instantly and deterministically. Timers with
/// the same due time fire in the order they were scheduled.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (DateTimeOffset Due, long Sequence)> queue = new();
    private DateTimeOffset now = start;
    private long sequence;

    public override DateTimeOffset GetUtcNow() => now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => now.UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>, running everything that falls due.</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), "Time cannot go backwards.");
        var target = now + duration;
        while (queue.TryPeek(out var entry, out var key) && key.Due <= target)
        {
            queue.Dequeue();
            if (entry.Version != entry.Timer.Version) continue; // changed or disposed since it was scheduled
            if (key.Due > now) now = key.Due;
            entry.Timer.Fire();
        }
        now = target;
    }

    /// <summary>Runs whatever is due now without moving the clock.</summary>
    public void RunDue() => Advance(TimeSpan.Zero);

    /// <summary>The number of timers waiting to fire.</summary>
    public int Pending => queue.Count;

    private void Schedule(VirtualTimer timer, TimeSpan dueTime) =>
        queue.Enqueue((timer, timer.Version), (now + dueTime, sequence++));

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public long Version { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Version < 0) return false;
            Version++;
            this.period = period;
            if (dueTime != Timeout.InfiniteTimeSpan) clock.Schedule(this, dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            return true;
        }

        public void Fire()
        {
            if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero) clock.Schedule(this, period);
            callback(state);
        }

        public void Dispose() => Version = -1;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
