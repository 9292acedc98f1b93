using System.Diagnostics;
using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>Ctrl+C in the middle of a real-target run: the reports of what ran are written whole, and nothing is left running.</summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class InterruptTests
{
    private const string SlowFeature = """
        Feature: Slow
          Scenario: quick
            Given a function that returns nothing
            When the function is invoked synchronously with:
              ```json
              {}
              ```
            Then the response status is 200

          Scenario: slow
            Given a function that returns nothing
            When 120 seconds pass
            Then the function was not invoked
        """;

    [Fact]
    public async Task Ctrl_C_writes_the_reports_of_what_ran_exits_130_and_stops_the_emulator()
    {
        using var cli = new CliProcess("slow.feature", SlowFeature, "run", "--target", "emulator", "--parallel", "1", "--report", "out");

        await cli.WaitForOutputAsync("passed  Slow: quick", TimeSpan.FromMinutes(3));
        await cli.WaitForOutputAsync("waiting until", TimeSpan.FromMinutes(1)); // the slow scenario is under way
        cli.Text.ShouldContain("waiting until", customMessage: "the scenario that waits never said so");
        using (var kill = Process.Start("kill", ["-INT", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
        // A guard against a hang, not a timing goal: stopping the emulator's servers takes longer while other test projects load the machine.
        try
        {
            await cli.WaitForExitAsync(TimeSpan.FromSeconds(180));
        }
        catch (TaskCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The run did not end within 3 minutes of Ctrl+C. Its output:\n{cli.Text}");
        }

        cli.ExitCode.ShouldBe(130, cli.Text);
        cli.Text.ShouldContain("interrupted: the reports hold the scenarios that ran.");
        cli.Text.ShouldNotContain("   at ");
        var messages = File.ReadAllLines(cli.Path("out", "messages.ndjson"));
        messages.Last().ShouldContain("\"testRunFinished\"");
        messages.ShouldContain(line => line.Contains("\"testCaseFinished\"", StringComparison.Ordinal));
        ProcessTable.Mentioning(cli.Temp).ShouldBeEmpty();
    }
}
