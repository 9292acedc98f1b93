using Conformance.Steps.Drivers;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>The polling every real target relies on, with a short real window.</summary>
public sealed class ObserveTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private static Func<Task> FailsUntilCall(int call, Counter counter) => () =>
    {
        if (++counter.Calls < call) throw new ExpectationFailedException("not yet", "held", $"call {counter.Calls}");
        return Task.CompletedTask;
    };

    private sealed class Counter
    {
        public int Calls;
    }

    [Fact]
    public async Task A_check_that_comes_to_hold_passes_as_soon_as_it_does()
    {
        var counter = new Counter();

        await Observe.EventuallyAsync(Window, FailsUntilCall(3, counter));

        counter.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_check_that_never_holds_fails_with_its_last_evidence_once_the_window_has_passed()
    {
        var counter = new Counter();

        var failure = await Should.ThrowAsync<ExpectationFailedException>(() => Observe.EventuallyAsync(Window, FailsUntilCall(int.MaxValue, counter)));

        failure.Observed.ShouldBe($"call {counter.Calls}");
        counter.Calls.ShouldBeGreaterThan(2); // it kept asking through the window
    }

    [Fact]
    public async Task On_virtual_time_a_check_runs_once()
    {
        var counter = new Counter();

        await Should.ThrowAsync<ExpectationFailedException>(() => Observe.EventuallyAsync(TimeSpan.Zero, FailsUntilCall(2, counter)));
        await Observe.ThroughoutAsync(TimeSpan.Zero, () => { counter.Calls++; return Task.CompletedTask; });

        counter.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Nothing_happened_must_hold_for_the_whole_window_and_a_late_event_fails_it()
    {
        var happened = new TaskCompletionSource();
        var polls = 0;
        var nothingHappened = () =>
        {
            if (++polls == 3) happened.SetResult(); // the event arrives after the second look
            if (happened.Task.IsCompleted) throw new ExpectationFailedException("It happened.", "nothing", "one invocation");
            return Task.CompletedTask;
        };

        var failure = await Should.ThrowAsync<ExpectationFailedException>(() => Observe.ThroughoutAsync(Window, nothingHappened));

        failure.Observed.ShouldBe("one invocation");
        polls.ShouldBe(3);
    }

    [Fact]
    public async Task Nothing_happened_that_holds_is_asked_until_the_window_ends()
    {
        var started = DateTimeOffset.UtcNow;
        var polls = 0;

        await Observe.ThroughoutAsync(Window, () => { polls++; return Task.CompletedTask; });

        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThanOrEqualTo(Window);
        polls.ShouldBeGreaterThan(1);
    }
}
