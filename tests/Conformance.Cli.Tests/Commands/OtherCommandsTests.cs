using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

[Collection("working directory")]
public sealed class OtherCommandsTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task List_shows_features_scenarios_tags_and_targets()
    {
        var features = await cli.RunAsync("list", "features", "--features", RepositoryPaths.Features);
        var scenarios = await cli.RunAsync("list", "scenarios", "--features", RepositoryPaths.Features);
        var tags = await cli.RunAsync("list", "tags", "--features", RepositoryPaths.Features);
        var targets = await cli.RunAsync("list", "targets");

        features.Output.ShouldContain("features/async/retries.feature  Asynchronous invocations are retried twice after a function error");
        scenarios.Output.ShouldContain("A synchronous invocation returns the function's response: The function's return value is the response payload  [@source:invoke");
        tags.Output.ShouldMatch(@"@source:sqs  \d+");
        targets.Output.ShouldStartWith("reference  ");
        targets.Output.ShouldContain("virtual-time");
        targets.Output.ShouldMatch(@"\nemulator +[^\n]*source:sqs");
        targets.Output.ShouldNotMatch(@"\nemulator +[^\n]*virtual-time");
        targets.Output.ShouldMatch(@"\naws +[^\n]*destinations");
        new[] { features, scenarios, tags, targets }.ShouldAllBe(r => r.ExitCode == ExitCodes.AllPassed);
    }

    [Fact]
    public async Task List_rejects_an_unknown_listing()
    {
        var (exitCode, _, error) = await cli.RunAsync("list", "planets");
        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("planets");
    }

    [Fact]
    public async Task Report_renders_the_html_again_from_the_messages()
    {
        cli.WriteFeature("a.feature", "Feature: A\n  Some description https://docs.aws.amazon.com/lambda/\n  Scenario: s\n    Given a function that returns nothing\n");
        await cli.RunAsync("run", "--report", cli.Path("run"));

        var (exitCode, output, _) = await cli.RunAsync("report", cli.Path("run", "messages.ndjson"), "--out", cli.Path("site"));

        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("(1 scenarios)");
        File.ReadAllText(cli.Path("site", "index.html")).ShouldContain("<h2>A</h2>");
    }

    [Fact]
    public async Task Report_of_two_runs_writes_the_matrix_with_both_targets()
    {
        cli.WriteFeature("a.feature", "Feature: A\n  Scenario: s\n    Given a function that returns nothing\n");
        await cli.RunAsync("run", "--report", cli.Path("reference"));
        cli.WriteFeature("a.feature", "Feature: A\n  Scenario: s\n    Given a function that returns nothing\n    Then the response status is 200\n");
        await cli.RunAsync("run", "--report", cli.Path("changed"));

        var (exitCode, output, _) = await cli.RunAsync("report", cli.Path("reference", "messages.ndjson"), "other=" + cli.Path("changed", "messages.ndjson"), "--out", cli.Path("site"));

        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("(reference, other)");
        File.ReadAllText(cli.Path("site", "matrix.md")).ShouldContain("| s | ✅ | ❌ |");
        File.ReadAllText(cli.Path("site", "index.html")).ShouldContain("<section id=\"matrix\"");
        File.Exists(cli.Path("site", "matrix.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task Report_refuses_two_runs_with_one_name()
    {
        cli.WriteFeature("a.feature", "Feature: A\n  Scenario: s\n    Given a function that returns nothing\n");
        await cli.RunAsync("run", "--report", cli.Path("run"));

        var (exitCode, _, error) = await cli.RunAsync("report", cli.Path("run", "messages.ndjson"), cli.Path("run", "messages.ndjson"));

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("two runs are both named 'run'");
    }

    [Fact]
    public async Task Report_names_a_missing_or_corrupt_message_stream()
    {
        File.WriteAllText(cli.Path("bad.ndjson"), "{\"meta\":{}}\nthis is not json\n");

        var missing = await cli.RunAsync("report", cli.Path("nope.ndjson"));
        var corrupt = await cli.RunAsync("report", cli.Path("bad.ndjson"));

        missing.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        missing.Error.ShouldContain("nope.ndjson: no such file");
        corrupt.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        corrupt.Error.ShouldContain("bad.ndjson");
        corrupt.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Doctor_reports_the_tools_and_never_prints_credentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIACANARYCANARY1234");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "canary/secret/value/do-not-print");
        try
        {
            var (exitCode, output, error) = await cli.RunAsync("doctor");

            exitCode.ShouldBe(ExitCodes.AllPassed);
            output.ShouldContain(".NET");
            output.ShouldContain("AWS credentials are configured (not shown)");
            output.ShouldContain("targets that can run here: reference");
            output.ShouldContain(", aws"); // credentials are set
            (output + error).ShouldNotContain("CANARY");
            (output + error).ShouldNotContain("canary/secret");
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        }
    }
}
