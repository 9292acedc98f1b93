using System.CommandLine;
using System.Text.Json;
using Conformance.Reporting.Html;
using Conformance.Reporting.Baselines;
using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance report</c>: renders the HTML report again from a run's message stream; given the runs
/// of several targets, also the conformance matrix (scenario × target) as HTML and Markdown.
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var messages = new Argument<string[]>("MESSAGES")
        {
            Description = "Cucumber Messages NDJSON files, one per target, as PATH or TARGET=PATH (the target's name defaults to the file's folder).",
            Arity = ArgumentArity.OneOrMore,
        };
        var merge = new Option<bool>("--merge") { Description = "The files are the shards of one run (`run --shard i/n`): join them into one report." };
        var outDirectory = new Option<string?>("--out") { Description = "Directory for index.html, matrix.html and matrix.md (default: beside the first messages)." };
        var baselines = new Option<string[]>("--baseline") { Description = "Baselines of accepted divergences (`baseline write`); each marks its own target's column known, new or fixed.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", "Render index.html from a message stream, and the matrix of several targets' runs.\n\nExamples:\n" +
            "  conformance report reports/latest/messages.ndjson --out site\n" +
            "  conformance report reports/reference/messages.ndjson reports/emulator/messages.ndjson --out reports/matrix\n" +
            "  conformance report --merge shard1/messages.ndjson shard2/messages.ndjson --out reports/aws")
        {
            messages, merge, outDirectory, baselines,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(messages)!, parsed.GetValue(merge), parsed.GetValue(outDirectory), parsed.GetValue(baselines) ?? [], output, error));
        return command;
    }

    private static int Execute(string[] inputs, bool merge, string? outDirectory, string[] baselineFiles, TextWriter output, TextWriter error)
    {
        var runs = new List<(string Target, RunReport Run)>();
        foreach (var input in inputs)
        {
            var (target, path) = Split(input);
            if (!File.Exists(path))
            {
                error.WriteLine($"error: {path}: no such file.");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                runs.Add((target, RunReportReader.Read(path)));
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        if (merge) runs = [(runs[0].Target, RunMerge.Merge([.. runs.Select(r => r.Run)]))];
        var duplicate = runs.GroupBy(r => r.Target).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error.WriteLine($"error: two runs are both named '{duplicate.Key}'; name them as TARGET=PATH.");
            return ExitCodes.UsageOrInputError;
        }

        var marks = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var file in baselineFiles)
        {
            try
            {
                var baseline = Baseline.Load(file);
                if (runs.FirstOrDefault(r => r.Target == baseline.Target) is not { Run: not null } run)
                {
                    error.WriteLine($"error: {file} is the {baseline.Target} target's baseline, and no run here is named {baseline.Target}.");
                    return ExitCodes.UsageOrInputError;
                }
                marks[baseline.Target] = BaselineComparison.Marks(BaselineComparison.Compare(run.Run, baseline));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }

        var directory = outDirectory ?? Path.GetDirectoryName(Path.GetFullPath(Split(inputs[0]).Path))!;
        Directory.CreateDirectory(directory);
        var matrix = runs.Count > 1 || merge ? ConformanceMatrix.Build(runs, marks) : null;
        var html = Path.Combine(directory, "index.html");
        WriteAtomically(html, HtmlReport.Render(runs[0].Run, matrix: matrix, target: runs[0].Target, baseline: marks.GetValueOrDefault(runs[0].Target)));
        output.WriteLine($"wrote {html} ({runs[0].Run.Scenarios.Count()} scenarios)");
        if (matrix is not null)
        {
            WriteAtomically(Path.Combine(directory, "matrix.html"), MatrixHtml.Page(matrix));
            WriteAtomically(Path.Combine(directory, "matrix.md"), MatrixMarkdown.Render(matrix));
            output.WriteLine($"wrote {Path.Combine(directory, "matrix.html")} and matrix.md ({string.Join(", ", matrix.Targets)})");
        }
        return ExitCodes.AllPassed;
    }

    /// <summary>TARGET=PATH, or PATH with the target named after the file's folder (reports/emulator/messages.ndjson is "emulator").</summary>
    private static (string Target, string Path) Split(string input)
    {
        var equals = input.IndexOf('=');
        if (equals > 0 && !File.Exists(input)) return (input[..equals], input[(equals + 1)..]);
        return (Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(input))) ?? input, input);
    }

    private static void WriteAtomically(string path, string content)
    {
        File.WriteAllText(path + ".tmp", content);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
