using Conformance.Gherkin.Execution;
using Io.Cucumber.Messages.Types;

namespace Conformance.Cli.Output;

/// <summary>Prints the progress and the outcome of a run in plain text.</summary>
public sealed class ConsoleReporter(TextWriter output, TextWriter error)
{
    /// <summary>Only the scenarios that did not pass are printed (the totals always are).</summary>
    public bool Quiet { get; init; }

    /// <summary>Prints parse and binding errors; true when there were any (the run must not start).</summary>
    public bool ReportInputErrors(TestRun run)
    {
        foreach (var parseError in run.ParseErrors) error.WriteLine($"error: {parseError}");
        foreach (var bindingError in run.Bindings.Errors) error.WriteLine($"error: {bindingError}");
        foreach (var undefined in run.Bindings.UndefinedParameterTypes) error.WriteLine($"error: {undefined}");
        return run.ParseErrors.Count > 0 || run.Bindings.Errors.Count > 0 || run.Bindings.UndefinedParameterTypes.Count > 0;
    }

    public void ScenarioFinished(ScenarioResult result)
    {
        if (Quiet && (result.Passed || result.NotApplicable)) return;
        var mark = result.Status switch
        {
            _ when result.NotRun => "not run",
            _ when result.Unsupported => "unsupported",
            TestStepResultStatus.PASSED => "passed ",
            TestStepResultStatus.SKIPPED => "n/a    ",
            _ => result.Status.ToString().ToLowerInvariant().PadRight(7),
        };
        output.WriteLine($"{mark} {result.Plan.DisplayName}  ({result.Plan.Key})");
        if (result.Status is TestStepResultStatus.PASSED) return;
        var problem = result.NotRun ? result.Steps[0].Message : result.Problem;
        if (problem is not null)
            foreach (var line in Redaction.Redact(problem).Split('\n')) output.WriteLine($"        {line}");
    }

    /// <summary>A scenario waits in real time: say for how long, so a quiet terminal is not mistaken for a hang.</summary>
    public void WaitStarted(WaitNotice notice)
    {
        if (Quiet) return;
        var left = notice.Until - DateTimeOffset.Now;
        lock (output) output.WriteLine($"waiting until {notice.Until.ToLocalTime():HH:mm:ss} ({Math.Max(0, Math.Round(left.TotalSeconds)):0} s): {notice.Scenario}");
    }

    public void Totals(TestRun run)
    {
        foreach (var problem in run.RunHookProblems) error.WriteLine($"error: {problem}");
        var results = run.Results;
        var passed = results.Count(r => r.Status == TestStepResultStatus.PASSED);
        var notRun = results.Count(r => r.NotRun);
        var unsupported = results.Count(r => r.Unsupported);
        var notApplicable = results.Count(r => r.NotApplicable);
        var failed = results.Count - passed - unsupported - notApplicable - notRun;
        var counted = passed + failed + unsupported;
        var score = counted == 0 ? "" : $"; score {Math.Floor(100.0 * passed / counted):0} %";
        output.WriteLine();
        output.WriteLine($"{results.Count} scenarios: {passed} passed, {failed} failed, {unsupported} unsupported, {notApplicable} not applicable{(notRun > 0 ? $", {notRun} not run" : "")}{score}");
    }

    public void ReportsWritten(string ndjson, string html) => output.WriteLine($"reports: {ndjson}, {html}");

    public void RecordingsWritten(string directory, int count) => output.WriteLine($"recorded {count} scenarios in {directory}");
}
