using Conformance.Cli.Commands;
using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>Shares of a run balanced by how long each scenario took before, read from that run's messages.</summary>
[Collection("working directory")]
public sealed class ShardingTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Recorded_durations_put_one_long_scenario_against_several_short_ones()
    {
        var seconds = new Dictionary<string, double> { ["f:1"] = 100, ["f:2"] = 10, ["f:3"] = 10, ["f:4"] = 10 };
        string[] keys = ["f:1", "f:2", "f:3", "f:4", "f:5"]; // f:5 is new: it counts as the average, 32.5 s

        new Shard(1, 2).Select(keys, seconds).Order().ShouldBe(["f:1"]);
        new Shard(2, 2).Select(keys, seconds).Order().ShouldBe(["f:2", "f:3", "f:4", "f:5"]);
        new Shard(1, 2).Select(keys).Count.ShouldBe(3); // without durations: by count
    }

    [Fact]
    public async Task Durations_are_read_per_scenario_from_an_earlier_run_and_balance_its_shards()
    {
        var whole = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("whole"));
        var durations = ScenarioDurations.Read(cli.Path("whole", "messages.ndjson"));
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(whole.Output, @"\n(\d+) scenarios:").Groups[1].Value);
        durations.Count.ShouldBe(total);
        durations.Keys.ShouldAllBe(key => key.StartsWith("features/", StringComparison.Ordinal) && char.IsAsciiDigit(key[key.Length - 1]));
        durations.Values.ShouldAllBe(seconds => seconds >= 0 && seconds < 60);

        File.Copy(cli.Path("whole", "messages.ndjson"), cli.Path("copy.ndjson"));
        var first = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "1/2", "--durations", cli.Path("whole", "messages.ndjson"), cli.Path("copy.ndjson"), "--report", cli.Path("shard1"));
        var second = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "2/2", "--durations", cli.Path("whole", "messages.ndjson"), "--report", cli.Path("shard2"));

        (first.ExitCode, second.ExitCode).ShouldBe((ExitCodes.AllPassed, ExitCodes.AllPassed));
        var counts = new[] { first.Output, second.Output }.Select(o => int.Parse(System.Text.RegularExpressions.Regex.Match(o, @"\n(\d+) scenarios:").Groups[1].Value));
        counts.Sum().ShouldBe(total);
    }

    [Fact]
    public async Task Durations_without_a_shard_or_from_a_missing_or_broken_file_are_usage_errors()
    {
        File.WriteAllText(cli.Path("broken.ndjson"), "{\"meta\":{}}\n[1]\n");

        var alone = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--durations", cli.Path("broken.ndjson"));
        var missing = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "1/2", "--durations", cli.Path("nothing.ndjson"));
        var broken = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--shard", "1/2", "--durations", cli.Path("broken.ndjson"));

        alone.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        alone.Error.ShouldContain("--durations balances the shares of --shard");
        missing.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        missing.Error.ShouldContain("nothing.ndjson: no such file");
        broken.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        broken.Error.ShouldContain("broken.ndjson: not a Cucumber message stream: line 2 is not a JSON object");
        new[] { alone.Error, missing.Error, broken.Error }.ShouldAllBe(text => !text.Contains("   at "));
    }
}
