using System.Diagnostics;
using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// A shared emulator server killed in the middle of a run: the scenario that was running fails with the
/// "target lost" evidence, the rest are reported as not run, the reports are whole, the exit code is 3,
/// and nothing is left running.
/// </summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class TargetLostTests
{
    private const string Feature = """
        Feature: Lost
          Scenario: first
            Given a function that returns nothing
            When the function is invoked synchronously with:
              ```json
              {}
              ```
            Then the response status is 200

          Scenario: second
            Given a function that returns nothing
            When 120 seconds pass
            Then the function was not invoked

          Scenario: third
            Given a function that returns nothing
            When the function is invoked synchronously with:
              ```json
              {}
              ```
            Then the response status is 200
        """;

    [Fact]
    public async Task A_killed_emulator_server_fails_the_running_scenario_and_the_rest_are_not_run()
    {
        using var cli = new CliProcess("lost.feature", Feature, "run", "--target", "emulator", "--parallel", "1", "--report", "out");

        await cli.WaitForOutputAsync("passed  Lost: first", TimeSpan.FromMinutes(3));
        await cli.WaitForOutputAsync("waiting until", TimeSpan.FromMinutes(1)); // the second scenario is waiting
        cli.Text.ShouldContain("waiting until", customMessage: "the scenario that waits never said so");
        var servers = ProcessTable.Mentioning(cli.Temp).Where(p => p.Contains("backends.cjs", StringComparison.Ordinal)).ToList();
        servers.ShouldHaveSingleItem(cli.Text);
        using (var kill = Process.Start("kill", ["-9", servers[0].Split(':')[0]])) await kill!.WaitForExitAsync();
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        cli.ExitCode.ShouldBe(3, cli.Text);
        cli.Text.ShouldContain("error: the emulator target was lost during the run; the scenarios that had not started are reported as not run.");
        cli.Text.ShouldContain("target lost: emulator servers (local-aws-sqs, kinesalite) exited (code 137) during the run.");
        cli.Text.ShouldContain("not run Lost: third  (features/lost.feature:15)\n        not run: target lost: emulator servers");
        cli.Text.ShouldContain("3 scenarios: 1 passed, 1 failed, 0 unsupported, 0 not applicable, 1 not run");
        cli.Text.ShouldNotContain("   at ");
        var messages = File.ReadAllLines(cli.Path("out", "messages.ndjson"));
        messages.Last().ShouldContain("\"testRunFinished\"");
        var results = messages.Where(m => m.Contains("\"testStepFinished\"", StringComparison.Ordinal)).ToList();
        results.ShouldContain(m => m.Contains("\"FAILED\"", StringComparison.Ordinal) && m.Contains("target lost: emulator servers", StringComparison.Ordinal));
        results.ShouldContain(m => m.Contains("\"SKIPPED\"", StringComparison.Ordinal) && m.Contains("not run: target lost: emulator servers", StringComparison.Ordinal));
        File.Exists(cli.Path("out", "index.html")).ShouldBeTrue();
        ProcessTable.Mentioning(cli.Temp).ShouldBeEmpty();
    }
}
