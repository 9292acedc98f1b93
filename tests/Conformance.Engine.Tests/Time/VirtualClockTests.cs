using Conformance.Engine.Time;

namespace Conformance.Engine.Tests.Time;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timers_fire_in_due_order_with_the_clock_at_their_due_time()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<string>();
        clock.CreateTimer(_ => fired.Add($"b@{(clock.GetUtcNow() - Start).TotalSeconds}"), null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => fired.Add($"a@{(clock.GetUtcNow() - Start).TotalSeconds}"), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        fired.ShouldBe(["a@10", "b@20"]);
        clock.GetUtcNow().ShouldBe(Start.AddMinutes(1));
    }

    [Fact]
    public void A_timer_scheduled_by_a_callback_fires_within_the_same_advance_if_due()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<double>();
        clock.CreateTimer(_ =>
        {
            fired.Add((clock.GetUtcNow() - Start).TotalSeconds);
            clock.CreateTimer(_ => fired.Add((clock.GetUtcNow() - Start).TotalSeconds), null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(64));
        fired.ShouldBe([5]);
        clock.Advance(TimeSpan.FromSeconds(1));
        fired.ShouldBe([5, 65]);
    }

    [Fact]
    public void Equal_due_times_fire_in_scheduling_order_and_disposed_timers_never_fire()
    {
        var clock = new VirtualClock(Start);
        var fired = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            var timer = clock.CreateTimer(_ => fired.Add(n), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            if (n == 2) timer.Dispose();
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        fired.ShouldBe([0, 1, 3, 4]);
    }

    [Fact]
    public void Periodic_timers_repeat_and_a_changed_timer_uses_its_new_due_time()
    {
        var clock = new VirtualClock(Start);
        var ticks = 0;
        clock.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var moved = new List<double>();
        var timer = clock.CreateTimer(_ => moved.Add((clock.GetUtcNow() - Start).TotalSeconds), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        ticks.ShouldBe(10);
        moved.ShouldBe([7]);
    }

    [Fact]
    public void Time_cannot_go_backwards() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new VirtualClock(Start).Advance(TimeSpan.FromSeconds(-1)));
}
