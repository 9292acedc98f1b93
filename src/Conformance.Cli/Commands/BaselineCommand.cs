using System.CommandLine;
using Conformance.Reporting.Baselines;
using Conformance.Reporting.Model;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance baseline write</c>: the divergences of a run (its <c>messages.ndjson</c>) as a baseline
/// for <c>run --baseline</c>. Rewriting an existing baseline keeps its reasons and links.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Option<string>("--target") { Description = "The target the run was made on (the baseline holds for it only).", Required = true };
        target.AcceptOnlyFromAmong(TargetSession.Names);
        var from = new Option<string[]>("--from")
        {
            Description = "The run's messages.ndjson; give two runs of the same commit, and a divergence whose evidence differs between them is matched by its outcome only.",
            DefaultValueFactory = _ => [Path.Combine("reports", "latest", "messages.ndjson")], AllowMultipleArgumentsPerToken = true,
        };
        var outFile = new Option<string>("--out") { Description = "The baseline file (rewritten, its reasons kept).", DefaultValueFactory = _ => "conformance-baseline.json" };
        var reason = new Option<string>("--reason") { Description = "The reason given to divergences the file does not list yet.", DefaultValueFactory = _ => $"known divergence, accepted {DateTime.UtcNow:yyyy-MM-dd}" };
        var write = new Command("write", "Write the divergences of a run as the accepted baseline.\n\nExample:\n  conformance baseline write --target emulator --from reports/emulator/messages.ndjson --out emulator-baseline.json")
        {
            target, from, outFile, reason,
        };
        write.SetAction(parsed =>
        {
            var (messages, path) = (parsed.GetValue(from)!, parsed.GetValue(outFile)!);
            if (messages.FirstOrDefault(m => !File.Exists(m)) is { } missing)
            {
                error.WriteLine($"error: --from: {missing}: no such file (run `conformance run --target {parsed.GetValue(target)}` first).");
                return ExitCodes.UsageOrInputError;
            }
            Baseline? previous = null;
            try
            {
                if (File.Exists(path)) previous = Baseline.Load(path);
            }
            catch (InvalidDataException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
            if (previous is not null && previous.Target != parsed.GetValue(target))
            {
                error.WriteLine($"error: {path} is the {previous.Target} target's baseline; write the {parsed.GetValue(target)} target's to another file.");
                return ExitCodes.UsageOrInputError;
            }
            IReadOnlyList<RunReport> runs;
            try
            {
                runs = [.. messages.Select(RunReportReader.Read)];
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
            {
                error.WriteLine($"error: --from: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
            var baseline = Baseline.From(runs, parsed.GetValue(target)!, previous, parsed.GetValue(reason)!);
            File.WriteAllText(path, baseline.ToJson());
            var keptReasons = previous is null ? 0 : baseline.Entries.Count(e => previous.Entries.Any(p => p.Key == e.Key));
            var byOutcome = baseline.Entries.Count(e => e.Match == BaselineEntry.ByOutcome);
            output.WriteLine($"wrote {path}: {baseline.Entries.Count} accepted divergences ({keptReasons} with their earlier reasons"
                + (byOutcome > 0 ? $", {byOutcome} matched by outcome only: their evidence varied between the runs" : "") + ")");
            return ExitCodes.AllPassed;
        });
        return new Command("baseline", "Accept a target's divergences today, so that `run --baseline` fails only when something changes.") { write };
    }
}
