using System.CommandLine;
using System.Text.Json;
using Conformance.Reporting.Model;
using Conformance.Reporting.Recordings;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance compare --baseline DIR</c>: checks a run against recorded evidence (made with
/// <c>run --record DIR</c>, e.g. on AWS) and lists each scenario whose observations differ, path by path.
/// The run is read from <c>--run MESSAGES</c>, or made now on <c>--target</c>.
/// </summary>
public static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var baseline = new Option<string>("--baseline") { Description = "The recordings to compare with (a `run --record` directory).", Required = true };
        var runFile = new Option<string?>("--run") { Description = "A run's messages.ndjson to compare (instead of running a target now)." };
        var target = new Option<string>("--target") { Description = "The target to run now when --run is not given.", DefaultValueFactory = _ => "reference" };
        target.AcceptOnlyFromAmong(TargetSession.Names);
        var tags = new Option<string?>("--tags") { Description = "Tag expression selecting scenarios for the run." };
        var features = CommonOptions.Features();
        var command = new Command("compare", "Compare a run with recorded observations and list the scenarios that differ.\n\nExamples:\n" +
            "  conformance compare --baseline recordings/aws --run reports/emulator/messages.ndjson\n" +
            "  conformance compare --baseline recordings/aws --target emulator --tags \"@source:sqs\"")
        {
            baseline, runFile, target, tags, features,
        };
        command.SetAction(async (parsed, cancellation) =>
        {
            var baselineDirectory = parsed.GetValue(baseline)!;
            if (!Directory.Exists(baselineDirectory))
            {
                await error.WriteLineAsync($"error: --baseline: the directory '{baselineDirectory}' does not exist.");
                return ExitCodes.UsageOrInputError;
            }
            var messages = parsed.GetValue(runFile);
            if (messages is not null) return await CompareAsync(messages, baselineDirectory);
            // No run given: run the target now into a scratch folder, which goes when the comparison is done.
            var scratch = Directory.CreateTempSubdirectory("conformance-compare-");
            try
            {
                var ran = await RunExecution.ExecuteAsync(new RunSettings(parsed.GetValue(features)!, scratch.FullName, parsed.GetValue(tags), parsed.GetValue(target)!,
                    new TargetOptions(0, null, null, null, null), 300), TextWriter.Null, error, cancellation);
                if (ran >= ExitCodes.UsageOrInputError) return ran;
                return await CompareAsync(Path.Combine(scratch.FullName, "messages.ndjson"), baselineDirectory);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        });
        return command;

        async Task<int> CompareAsync(string messages, string baselineDirectory)
        {
            if (!File.Exists(messages))
            {
                await error.WriteLineAsync($"error: --run: {messages}: no such file.");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                var result = RecordingComparison.Compare(RunReportReader.Read(messages), baselineDirectory);
                foreach (var scenario in result.Differing)
                {
                    await output.WriteLineAsync($"differs  {scenario.Feature}: {scenario.Scenario}  (line {scenario.Line})");
                    foreach (var difference in scenario.Differences.Take(20)) await output.WriteLineAsync($"         {difference}");
                    if (scenario.Differences.Count > 20) await output.WriteLineAsync($"         … and {scenario.Differences.Count - 20} more");
                }
                foreach (var missing in result.WithoutBaseline) await output.WriteLineAsync($"no baseline  {missing}");
                await output.WriteLineAsync($"{result.Same} scenarios as recorded, {result.Differing.Count} differ, {result.WithoutBaseline.Count} without a baseline");
                return result.Differing.Count == 0 ? ExitCodes.AllPassed : ExitCodes.Failures;
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
    }
}
