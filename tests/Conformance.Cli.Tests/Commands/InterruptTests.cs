using System.Diagnostics;
using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>Ctrl+C in the middle of a real-target run: the reports of what ran are written whole, and nothing is left running.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("interrupt");

    public void Dispose() => work.Delete(recursive: true);

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
        Directory.CreateDirectory(Path.Combine(work.FullName, "features"));
        File.WriteAllText(Path.Combine(work.FullName, "features", "slow.feature"), SlowFeature);
        var temp = Directory.CreateDirectory(Path.Combine(work.FullName, "tmp")).FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "conformance.dll"), "run", "--target", "emulator", "--parallel", "1", "--report", "out" })
            start.ArgumentList.Add(argument);
        start.Environment["TMPDIR"] = temp;
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!Text().Contains("passed  Slow: quick", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(200);
        await Task.Delay(2000); // the slow scenario is under way
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(grace.Token);

        process.ExitCode.ShouldBe(130, Text());
        Text().ShouldContain("interrupted: the reports hold the scenarios that ran.");
        Text().ShouldNotContain("   at ");
        var messages = File.ReadAllLines(Path.Combine(work.FullName, "out", "messages.ndjson"));
        messages.Last().ShouldContain("\"testRunFinished\"");
        messages.ShouldContain(line => line.Contains("\"testCaseFinished\"", StringComparison.Ordinal));
        ProcessTable.Mentioning(temp).ShouldBeEmpty();

        string Text()
        {
            lock (output) return output.ToString();
        }
    }
}
