using Conformance.Cli.Output;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Reporting.Html;
using Conformance.Reporting.JUnit;
using Conformance.Reporting.Markdown;
using Conformance.Reporting.Model;
using Conformance.Reporting.Recordings;

namespace Conformance.Cli.Commands;

/// <summary>The reports of a run: the message stream, HTML, JUnit, the Markdown summary and, when asked, the recordings.</summary>
internal static class RunReports
{
    /// <summary>Writes the reports of whatever ran, also when the run ended early.</summary>
    public static async Task<RunReport> WriteAsync(RunSettings settings, TestRun run, MessageCollector messages, Exception? crash, ConsoleReporter console, string targetName,
        BaselineGate? gate = null)
    {
        var directory = settings.ReportDirectory;
        await run.FinishAsync(crash);
        var ndjson = Path.Combine(directory, "messages.ndjson");
        // A service's error text may echo a credential; no report carries one.
        var lines = messages.Envelopes.Select(MessagesJson.Serialize).Select(Redaction.Redact).ToList();
        NdjsonFile.WriteLines(ndjson, lines);
        var html = Path.Combine(directory, "index.html");
        var report = RunReportReader.Read(lines);
        WriteAtomically(html, HtmlReport.Render(report, target: targetName, baseline: gate?.Marks(report)));
        WriteAtomically(Path.Combine(directory, "junit.xml"), JUnitReport.Render(report, known: gate?.KnownReasons(report)));
        var changes = gate?.ChangesMarkdown(report, targetName);
        var summary = MarkdownSummary.Render(report, targetName);
        WriteAtomically(Path.Combine(directory, "summary.md"), changes is null ? summary : summary + "\n" + changes);
        // Against a baseline, CI's page lists only what changed.
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary) File.AppendAllText(stepSummary, changes ?? summary);
        console.ReportsWritten(ndjson, html);
        if (settings.RecordDirectory is { } recordings)
        {
            var count = ScenarioRecording.WriteAll(report, targetName, recordings, DateOnly.FromDateTime(DateTime.UtcNow));
            console.RecordingsWritten(recordings, count);
        }
        return report;
    }

    private static void WriteAtomically(string path, string content)
    {
        File.WriteAllText(path + ".tmp", content);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
