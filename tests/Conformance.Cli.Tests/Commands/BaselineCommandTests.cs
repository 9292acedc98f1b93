using Conformance.Cli.Commands;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// <c>baseline write</c> and <c>run --baseline</c>: a run of the same features against the baseline
/// written from it changes nothing (exit 0); an edited observed value, a regression or, with --strict,
/// progress is exit 1 naming the scenario; a baseline that cannot hold is exit 2.
/// </summary>
[Collection("working directory")]
public sealed class BaselineCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public BaselineCommandTests() => cli.WriteFeature("one.feature", """
        Feature: One
          Scenario: passes
            Given a function that returns nothing
            When the function is invoked synchronously with the body "{}"
            Then the response status is 200
          Scenario: diverges
            Given a function that returns nothing
            When the function is invoked synchronously with the body "{}"
            Then the response status is 202
        """);

    public void Dispose() => cli.Dispose();

    private async Task<string> WriteBaselineAsync()
    {
        (await cli.RunAsync("run", "--report", cli.Path("first"))).ExitCode.ShouldBe(ExitCodes.Failures);
        var written = await cli.RunAsync("baseline", "write", "--target", "reference", "--from", cli.Path("first", "messages.ndjson"), "--out", cli.Path("baseline.json"));
        written.ExitCode.ShouldBe(ExitCodes.AllPassed, written.Error);
        written.Output.ShouldContain("1 accepted divergences");
        return cli.Path("baseline.json");
    }

    [Fact]
    public async Task A_second_run_against_the_baseline_changes_nothing_and_an_edited_observed_value_fails_naming_the_scenario()
    {
        var baseline = await WriteBaselineAsync();

        var same = await cli.RunAsync("run", "--report", cli.Path("second"), "--baseline", baseline);
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("observed: 200", "observed: 201"));
        var edited = await cli.RunAsync("run", "--report", cli.Path("third"), "--baseline", baseline);

        same.ExitCode.ShouldBe(ExitCodes.AllPassed, same.Output);
        same.Output.ShouldContain("baseline: 1 known, 0 new, 0 fixed");
        File.ReadAllText(cli.Path("second", "junit.xml")).ShouldContain("known divergence: known divergence, accepted");
        File.ReadAllText(cli.Path("second", "index.html")).ShouldContain("<span class=\"baseline known\">known divergence</span>");
        File.ReadAllText(cli.Path("second", "summary.md")).ShouldContain("reference against its baseline: 1 known, 0 new, 0 fixed");
        edited.ExitCode.ShouldBe(ExitCodes.Failures);
        edited.Output.ShouldContain("new     features/one.feature: diverges");
        edited.Output.ShouldContain("was: failed, observed: The invoke response has another status code. /   expected: 202 /   observed: 201");
        File.ReadAllText(cli.Path("third", "index.html")).ShouldContain("<span class=\"baseline new\">");
    }

    [Fact]
    public async Task Progress_is_reported_and_fails_only_with_strict_and_reasons_survive_a_rewrite()
    {
        var baseline = await WriteBaselineAsync();
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("known divergence, accepted", "serverless-offline answers 200; accepted"));
        cli.WriteFeature("one.feature", File.ReadAllText(cli.Path("features", "one.feature")).Replace("status is 202", "status is 200"));

        var progress = await cli.RunAsync("run", "--report", cli.Path("r"), "--baseline", baseline);
        var strict = await cli.RunAsync("run", "--report", cli.Path("s"), "--baseline", baseline, "--strict");
        var rewritten = await cli.RunAsync("baseline", "write", "--target", "reference", "--from", cli.Path("first", "messages.ndjson"), "--out", baseline);

        progress.ExitCode.ShouldBe(ExitCodes.AllPassed);
        progress.Output.ShouldContain("fixed   features/one.feature: diverges");
        strict.ExitCode.ShouldBe(ExitCodes.Failures);
        rewritten.Output.ShouldContain("(1 with their earlier reasons)");
        File.ReadAllText(baseline).ShouldContain("serverless-offline answers 200; accepted");
    }

    [Fact]
    public async Task The_matrix_marks_a_target_s_divergences_by_its_baseline()
    {
        var baseline = await WriteBaselineAsync();

        var report = await cli.RunAsync("report", $"reference={cli.Path("first", "messages.ndjson")}", $"other={cli.Path("first", "messages.ndjson")}", "--baseline", baseline, "--out", cli.Path("m"));
        var wrongTarget = await cli.RunAsync("report", $"other={cli.Path("first", "messages.ndjson")}", "--baseline", baseline, "--out", cli.Path("n"));

        report.ExitCode.ShouldBe(ExitCodes.AllPassed, report.Error);
        var row = File.ReadAllLines(cli.Path("m", "matrix.md")).Single(l => l.StartsWith("| diverges", StringComparison.Ordinal));
        row.ShouldBe("| diverges | ❌ known | ❌ |");
        File.ReadAllText(cli.Path("m", "matrix.html")).ShouldContain("<span class=\"baseline known\">known</span>");
        wrongTarget.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        wrongTarget.Error.ShouldContain("is the reference target's baseline, and no run here is named reference");
    }

    [Fact]
    public void The_committed_emulator_baseline_fits_the_corpus()
    {
        var root = Conformance.Tests.Shared.RepositoryPaths.Root;
        var (gate, problem) = BaselineGate.Load(Path.Combine(root, "baselines", "emulator.json"), strict: false, "emulator", Path.Combine(root, "features"));
        problem.ShouldBeNull();
        gate.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_baseline_that_cannot_hold_is_refused_before_the_run()
    {
        var baseline = await WriteBaselineAsync();
        var text = File.ReadAllText(baseline);
        File.WriteAllText(cli.Path("other-target.json"), text.Replace("\"target\": \"reference\"", "\"target\": \"emulator\""));
        File.WriteAllText(cli.Path("stale.json"), text.Replace("\"scenario\": \"diverges\"", "\"scenario\": \"was renamed\""));
        File.WriteAllText(cli.Path("no-reason.json"), System.Text.RegularExpressions.Regex.Replace(text, "\"reason\": \"[^\"]*\"", "\"reason\": \"\""));

        var otherTarget = await cli.RunAsync("run", "--baseline", cli.Path("other-target.json"));
        var stale = await cli.RunAsync("run", "--baseline", cli.Path("stale.json"));
        var noReason = await cli.RunAsync("run", "--baseline", cli.Path("no-reason.json"));
        var strictAlone = await cli.RunAsync("run", "--strict");
        File.WriteAllText(cli.Path("not-messages.ndjson"), "this is not a message stream\n");
        var notMessages = await cli.RunAsync("baseline", "write", "--target", "reference", "--from", cli.Path("not-messages.ndjson"), "--out", cli.Path("x.json"));

        otherTarget.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        otherTarget.Error.ShouldContain("the baseline was made on the emulator target and this run is on reference");
        stale.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        stale.Error.ShouldContain("1 stale entry names a scenario the features no longer have: features/one.feature: was renamed");
        noReason.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        noReason.Error.ShouldContain("entries[0] (features/one.feature: diverges): has no \"reason\"");
        strictAlone.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        notMessages.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        notMessages.Error.ShouldStartWith($"error: --from: {cli.Path("not-messages.ndjson")}: not a Cucumber message stream");
        File.Exists(cli.Path("x.json")).ShouldBeFalse();
        otherTarget.Output.ShouldBeEmpty(); // nothing ran
    }
}
