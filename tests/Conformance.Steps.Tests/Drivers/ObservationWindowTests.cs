using Conformance.Gherkin.Execution;
using Conformance.Steps.Drivers;
using Microsoft.Extensions.Time.Testing;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>Counts and "nothing happened" are judged over the whole window after the scenario's last act, on a clock the test moves.</summary>
public sealed class ObservationWindowTests
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private ObservationWindow Window(TimeSpan length) => new(length, WorkerSlot.Unshared(clock: clock), clock);

    private static Func<Task> CountIs(Func<int> count, int expected) => () =>
        count() == expected ? Task.CompletedTask : throw new ExpectationFailedException("another count", $"{expected}", $"{count()}");

    [Fact]
    public async Task A_count_that_matches_early_but_grows_before_the_window_closes_fails_with_the_final_count()
    {
        var window = Window(Length);
        var invocations = 1; // the count matches at once ...

        var check = window.SettledAsync(CountIs(() => invocations, 1));
        clock.Advance(TimeSpan.FromSeconds(10));
        invocations = 2; // ... and a late invocation arrives within the window
        clock.Advance(TimeSpan.FromSeconds(5));

        (await Should.ThrowAsync<ExpectationFailedException>(() => check)).Observed.ShouldBe("2");
    }

    [Fact]
    public async Task A_count_is_judged_when_the_window_closes_not_before()
    {
        var window = Window(Length);
        var invocations = 0;

        var check = window.SettledAsync(CountIs(() => invocations, 1));
        clock.Advance(TimeSpan.FromSeconds(14));
        check.IsCompleted.ShouldBeFalse();
        invocations = 1;
        clock.Advance(TimeSpan.FromSeconds(1));

        await check;
    }

    [Fact]
    public async Task A_second_check_in_the_same_window_does_not_wait_again_and_an_act_opens_a_new_window()
    {
        var window = Window(Length);
        var first = window.SettledAsync(() => Task.CompletedTask);
        clock.Advance(Length);
        await first;

        window.SettledAsync(() => Task.CompletedTask).IsCompleted.ShouldBeTrue();
        window.Acted();
        window.ClosesAt.ShouldBe(clock.GetUtcNow() + Length);
        window.SettledAsync(() => Task.CompletedTask).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Nothing_happened_fails_at_the_first_sight_within_the_window()
    {
        var window = Window(Length);
        var happened = false;

        var check = window.ThroughoutAsync(() => happened ? throw new ExpectationFailedException("it happened", "nothing", "one") : Task.CompletedTask);
        clock.Advance(TimeSpan.FromSeconds(3));
        happened = true;
        for (var i = 0; i < 8 && !check.IsCompleted; i++) clock.Advance(TimeSpan.FromMilliseconds(250));

        (await Should.ThrowAsync<ExpectationFailedException>(() => check)).Observed.ShouldBe("one");
    }

    [Fact]
    public async Task On_virtual_time_every_check_looks_once_at_once()
    {
        var window = Window(TimeSpan.Zero);
        var looks = 0;

        await window.SettledAsync(() => { looks++; return Task.CompletedTask; });
        await window.ThroughoutAsync(() => { looks++; return Task.CompletedTask; });

        looks.ShouldBe(2);
    }
}
