using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

[Collection("working directory")]
public sealed class SelectionAndBenchTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Feature_and_name_select_scenarios_by_path_and_by_name()
    {
        var (exitCode, output, _) = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--feature", "pull/sqs", "--name", "fifo", "--report", cli.Path("out"));

        exitCode.ShouldBe(ExitCodes.AllPassed);
        var lines = output.Split('\n').Where(l => l.StartsWith("passed ", StringComparison.Ordinal)).ToList();
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(l => l.Contains("features/pull/sqs/") && l.Contains("FIFO", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Bench_runs_the_runner_overhead_feature_with_the_trivial_steps()
    {
        Directory.CreateDirectory(cli.Path("overhead"));
        File.WriteAllText(cli.Path("overhead", "overhead.feature"), Bench.TrivialSteps.Feature(50));

        var (exitCode, output, _) = await cli.RunAsync("bench", "--runner", cli.Path("overhead"));

        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("50 scenarios, 50 passed");
    }

    [Fact]
    public async Task Bench_names_a_missing_runner_directory()
    {
        var (exitCode, _, error) = await cli.RunAsync("bench", "--runner", cli.Path("nowhere"));

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("--runner: the directory");
    }

    [Fact]
    public void The_engine_workloads_measure_and_check_their_own_results()
    {
        Bench.Workloads.Sqs(2_000).Items.ShouldBe(2_000);
        Bench.Workloads.Kinesis(2_000, shards: 4).Items.ShouldBe(2_000);
        Bench.Workloads.AsyncRetries(500).Items.ShouldBe(500);
        Bench.Workloads.Fixtures(200).BaselineRatio.ShouldNotBeNull().ShouldBeGreaterThan(0);
        Bench.Workloads.QueueMemory(10_000).BytesPerMessage.ShouldBeGreaterThan(0);
    }
}
