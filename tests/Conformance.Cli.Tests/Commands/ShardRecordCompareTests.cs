using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>Sharding a run across CI runners and merging it back; recording a run and comparing another with it.</summary>
[Collection("working directory")]
public sealed class ShardRecordCompareTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Two_shards_split_the_corpus_and_merge_into_the_matrix_of_one_unsharded_run()
    {
        var whole = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("whole"));
        var first = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "1/2", "--report", cli.Path("shard1"));
        var second = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "2/2", "--report", cli.Path("shard2"));
        await cli.RunAsync("report", "--merge", "aws=" + cli.Path("whole", "messages.ndjson"), "--out", cli.Path("whole-matrix"));
        var merged = await cli.RunAsync("report", "--merge", "aws=" + cli.Path("shard1", "messages.ndjson"), cli.Path("shard2", "messages.ndjson"), "--out", cli.Path("merged"));

        merged.ExitCode.ShouldBe(ExitCodes.AllPassed);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(whole.Output, @"\n(\d+) scenarios:").Groups[1].Value);
        var firstCount = int.Parse(System.Text.RegularExpressions.Regex.Match(first.Output, @"\n(\d+) scenarios:").Groups[1].Value);
        var secondCount = int.Parse(System.Text.RegularExpressions.Regex.Match(second.Output, @"\n(\d+) scenarios:").Groups[1].Value);
        (firstCount + secondCount).ShouldBe(total);
        Math.Abs(firstCount - secondCount).ShouldBeLessThanOrEqualTo(1);
        File.ReadAllText(cli.Path("merged", "matrix.md")).ShouldBe(File.ReadAllText(cli.Path("whole-matrix", "matrix.md")));
    }

    [Fact]
    public async Task A_shard_that_is_not_i_of_n_is_a_usage_error()
    {
        var (exitCode, _, error) = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "3/2");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("--shard: '3/2' is not i/n");
    }

    private const string Retries = """
        Feature: Retries
          Scenario: a failing event
            Given a function that fails its first 2 invocations and then returns:
              ```json
              {"ok": true}
              ```
            When the function is invoked asynchronously with:
              ```json
              {"order": 1}
              ```
            And 10 minutes pass
            Then the function was invoked 3 times
        """;

    [Fact]
    public async Task A_recorded_run_compares_equal_to_itself_and_a_changed_behaviour_differs_by_path()
    {
        cli.WriteFeature("retries.feature", Retries);
        var recorded = await cli.RunAsync("run", "--record", cli.Path("baseline"), "--report", cli.Path("first"));
        recorded.Output.ShouldContain("recorded 1 scenarios in");

        var scratchFolders = Directory.GetDirectories(Path.GetTempPath(), "conformance-compare-*").Length;
        var same = await cli.RunAsync("compare", "--baseline", cli.Path("baseline"), "--target", "reference");
        Directory.GetDirectories(Path.GetTempPath(), "conformance-compare-*").Length.ShouldBe(scratchFolders); // the run made for it is removed
        cli.WriteFeature("retries.feature", Retries.Replace("fails its first 2 invocations", "fails its first 1 invocation").Replace("3 times", "2 times"));
        var changed = await cli.RunAsync("compare", "--baseline", cli.Path("baseline"), "--target", "reference");

        same.ExitCode.ShouldBe(ExitCodes.AllPassed);
        same.Output.ShouldContain("1 scenarios as recorded, 0 differ");
        changed.ExitCode.ShouldBe(ExitCodes.Failures);
        changed.Output.ShouldContain("differs  Retries: a failing event");
        changed.Output.ShouldContain("$.observations[1].outcome: expected \"FunctionError\", observed \"Succeeded\"");
        changed.Output.ShouldContain("$.observations[2]: expected {");
    }

    [Fact]
    public async Task Compare_names_a_missing_baseline_and_a_corrupt_recording()
    {
        var missing = await cli.RunAsync("compare", "--baseline", cli.Path("nowhere"));
        cli.WriteFeature("retries.feature", Retries);
        await cli.RunAsync("run", "--record", cli.Path("baseline"), "--report", cli.Path("first"));
        var recording = Directory.GetFiles(cli.Path("baseline"), "*.json", SearchOption.AllDirectories).Single();
        File.WriteAllText(recording, "{ broken");
        var corrupt = await cli.RunAsync("compare", "--baseline", cli.Path("baseline"), "--run", cli.Path("first", "messages.ndjson"));

        missing.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        missing.Error.ShouldContain("--baseline: the directory");
        corrupt.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        corrupt.Error.ShouldContain("not a scenario recording");
        corrupt.Error.ShouldNotContain("   at ");
    }
}
