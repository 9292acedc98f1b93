using System.CommandLine;
using System.Text.Json;
using Conformance.Reporting.Html;
using Conformance.Reporting.Model;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance report</c>: renders the HTML report again from a run's message stream.</summary>
public static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var messages = new Argument<string>("MESSAGES") { Description = "A Cucumber Messages NDJSON file (e.g. reports/latest/messages.ndjson)." };
        var outDirectory = new Option<string?>("--out") { Description = "Directory for index.html (default: beside the messages)." };
        var command = new Command("report", "Render index.html from a message stream.\n\nExample:\n  conformance report reports/latest/messages.ndjson --out site")
        {
            messages, outDirectory,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(messages)!, parsed.GetValue(outDirectory), output, error));
        return command;
    }

    private static int Execute(string messages, string? outDirectory, TextWriter output, TextWriter error)
    {
        if (!File.Exists(messages))
        {
            error.WriteLine($"error: {messages}: no such file.");
            return ExitCodes.UsageOrInputError;
        }
        RunReport report;
        try
        {
            report = RunReportReader.Read(messages);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        var directory = outDirectory ?? Path.GetDirectoryName(Path.GetFullPath(messages))!;
        Directory.CreateDirectory(directory);
        var html = Path.Combine(directory, "index.html");
        File.WriteAllText(html + ".tmp", HtmlReport.Render(report));
        File.Move(html + ".tmp", html, overwrite: true);
        output.WriteLine($"wrote {html} ({report.Scenarios.Count()} scenarios)");
        return ExitCodes.AllPassed;
    }
}
