using System.CommandLine;
using System.Globalization;
using Conformance.Cli.Bench;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance bench</c>: the performance figures of docs/performance.md, measured quickly with a
/// stopwatch (BenchmarkDotNet in bench/ gives the careful numbers). Each engine figure at three sizes, so
/// the growth is visible, and against a bare in-memory queue loop, so the distance from the limit is.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var full = new Option<bool>("--full") { Description = "Sizes up to 1,000,000 (minutes) instead of up to 100,000 (under a minute)." };
        var features = CommonOptions.Features();
        var runner = new Option<string?>("--runner") { Description = "Only run the .feature files in DIR with the trivial steps of the runner-overhead benchmark (bench/runner-vs-cucumber-js.sh)." };
        var command = new Command("bench", "Measure the corpus run and the engine's throughput, with ratios to a bare queue loop.\n\nExample:\n  conformance bench")
        {
            full, features, runner,
        };
        command.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(runner) is { } trivialFeatures) return await RunTrivialAsync(trivialFeatures, output, error);
            var directory = CommonOptions.ResolveFeatures(parsed.GetValue(features)!);
            if (directory is null)
            {
                await error.WriteLineAsync("error: the features directory does not exist (pass --features DIR).");
                return ExitCodes.UsageOrInputError;
            }
            int[] sizes = parsed.GetValue(full) ? [100_000, 300_000, 1_000_000] : [10_000, 30_000, 100_000];
            await RunAsync(directory, sizes, output);
            return ExitCodes.AllPassed;
        });
        return command;
    }

    /// <summary>The runner alone: parse, bind and execute trivial steps, as cucumber-js does in the comparison.</summary>
    private static async Task<int> RunTrivialAsync(string directory, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"error: --runner: the directory '{directory}' does not exist.");
            return ExitCodes.UsageOrInputError;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = Conformance.Gherkin.Execution.TestRun.Create(new Conformance.Gherkin.Execution.RunOptions
        {
            FeaturesDirectory = directory,
            BindingTypes = [typeof(TrivialSteps)],
        }, new Conformance.Gherkin.Messages.MessageCollector());
        var loaded = watch.Elapsed;
        var results = await run.RunAllAsync();
        await run.FinishAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} scenarios, {results.Count(r => !r.Failed)} passed: parse and plan {loaded.TotalMilliseconds:0} ms, run {(watch.Elapsed - loaded).TotalMilliseconds:0} ms"));
        return run.Success ? ExitCodes.AllPassed : ExitCodes.Failures;
    }

    private static async Task RunAsync(string features, int[] sizes, TextWriter output)
    {
        await CorpusWorkload.RunAsync(features); // warm-up: JIT and the first loads
        var corpus = await CorpusWorkload.RunAsync(features);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"corpus on the reference target: {corpus.Scenarios} scenarios, start-up {corpus.Startup.TotalMilliseconds:0} ms, run {corpus.Run.TotalMilliseconds:0} ms " +
            $"(target < 1000 ms), Lambda time covered {corpus.Simulated.TotalHours:0.0} h = {corpus.SimulatedPerWall:0} × wall time (target ≥ 10000 ×)"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("figure                                   size        wall ms      per second   target/s   × bare queue");
        foreach (var (workload, target) in new (Func<int, Measurement> Workload, double Target)[]
                 { (Workloads.Sqs, 1_000_000), (n => Workloads.Kinesis(n), 1_000_000), (Workloads.AsyncRetries, 500_000), (Workloads.Fixtures, 200_000) })
        {
            workload(sizes[0] / 10); // warm-up
            foreach (var size in sizes)
            {
                var m = workload(size);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Name,-40} {size,9:N0} {m.Elapsed.TotalMilliseconds,12:N0} {m.PerSecond,15:N0} {target,10:N0} {m.BaselineRatio,13:N1}"));
            }
        }
        var memory = Workloads.QueueMemory(sizes[^1]);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"memory: {memory.BytesPerMessage:0} bytes of engine per queued message at {memory.Messages:N0} in flight (target ≤ 300)"));
    }
}
