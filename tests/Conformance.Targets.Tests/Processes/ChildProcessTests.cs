using Conformance.Targets.Processes;
using Conformance.Tests.Shared;

namespace Conformance.Targets.Tests.Processes;

/// <summary>A server that fails to start is reported with everything it printed, and a started one never outlives its owner.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_process_that_exits_before_it_is_ready_is_reported_with_its_code_and_its_last_output()
    {
        await using var child = ChildProcess.Start("noisy server", "sh", ["-c", "echo 'cannot bind' >&2; for i in $(seq 1 150); do echo line $i $(printf '%0400d' 0); done; exit 3"],
            Path.GetTempPath(), null, line => line == "READY");

        var failure = await Should.ThrowAsync<ChildProcessFailedException>(() => child.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        failure.Message.ShouldBe("noisy server exited (code 3) before it was ready.");
        failure.Output.ShouldContain("line 150 "); // the last lines, read after the exit was seen
        failure.Output.ShouldContain("cannot bind");
    }

    [Fact]
    public async Task A_process_that_never_prints_its_ready_line_is_reported_after_the_timeout()
    {
        await using var child = ChildProcess.Start("silent server", "sh", ["-c", "echo starting; sleep 60"], Path.GetTempPath(), null, line => line == "READY");

        var failure = await Should.ThrowAsync<ChildProcessFailedException>(() => child.WaitUntilReadyAsync(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken));

        failure.Message.ShouldBe("silent server was not ready within 3 s.");
        failure.Output.ShouldBe("starting");
    }

    [Fact]
    public async Task Disposing_stops_the_process_and_its_children()
    {
        var child = ChildProcess.Start("parent", "sh", ["-c", "sleep 60 & echo READY $!; wait"], Path.GetTempPath(), null, line => line.StartsWith("READY ", StringComparison.Ordinal));
        var grandchild = (await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Split(' ')[1];
        ProcessTable.IsRunning(grandchild).ShouldBeTrue();

        await child.DisposeAsync();

        child.HasExited.ShouldBeTrue();
        for (var wait = 0; wait < 50 && ProcessTable.IsRunning(grandchild); wait++) await Task.Delay(100); // SIGKILL lands a moment after kill() returns
        ProcessTable.IsRunning(grandchild).ShouldBeFalse();
    }

    [Fact]
    public void A_program_that_does_not_exist_is_named_in_the_error()
    {
        var failure = Should.Throw<ChildProcessFailedException>(() => ChildProcess.Start("tool", "no-such-program-here", [], Path.GetTempPath(), null, _ => true));

        failure.Message.ShouldStartWith("tool could not be started: 'no-such-program-here' was not found or cannot run");
    }
}
