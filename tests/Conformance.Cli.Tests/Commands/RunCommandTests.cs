using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

[Collection("working directory")] // the command reads paths relative to the working directory
public sealed class RunCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private const string PassingFeature = """
        Feature: Sync
          Scenario: returns its response
            Given a function that returns:
              ```json
              {"ok": true}
              ```
            When the function is invoked synchronously with:
              ```json
              {}
              ```
            Then the response status is 200
        """;

    [Fact]
    public async Task Runs_the_repository_corpus_and_writes_both_reports()
    {
        var (exitCode, output, error) = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("out"));

        error.ShouldBeEmpty();
        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("passed  A synchronous invocation returns the function's response: The function's return value is the response payload");
        output.ShouldMatch(@"\n(\d+) scenarios: \1 passed, 0 failed, 0 unsupported, 0 not applicable; score 100 %");
        File.ReadAllLines(cli.Path("out", "messages.ndjson")).Last().ShouldContain("\"testRunFinished\":{\"success\":true");
        File.ReadAllText(cli.Path("out", "index.html")).ShouldContain("A failing event is attempted three times");
    }

    [Fact]
    public async Task Writes_to_reports_latest_by_default()
    {
        cli.WriteFeature("sync.feature", PassingFeature);

        var (exitCode, _, _) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.AllPassed);
        File.Exists(cli.Path("reports", "latest", "messages.ndjson")).ShouldBeTrue();
        File.Exists(cli.Path("reports", "latest", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failed_expectation_exits_1_and_shows_expected_and_observed()
    {
        cli.WriteFeature("sync.feature", PassingFeature.Replace("status is 200", "status is 201"));

        var (exitCode, output, _) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldContain("failed  Sync: returns its response");
        output.ShouldContain("expected: 201");
        output.ShouldContain("observed: 200");
        output.ShouldContain("1 scenarios: 0 passed, 1 failed");
    }

    [Fact]
    public async Task An_undefined_step_exits_1_and_suggests_a_step_definition()
    {
        cli.WriteFeature("sync.feature", "Feature: U\n  Scenario: u\n    Given a queue with 5 messages\n");

        var (exitCode, output, _) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldContain("undefined U: u");
        output.ShouldContain("[Given(\"a queue with {int} messages\")]");
    }

    [Fact]
    public async Task A_syntax_error_names_file_line_and_column_and_exits_2_without_a_stack_trace()
    {
        cli.WriteFeature("good.feature", PassingFeature);
        cli.WriteFeature("broken.feature", "Feature: Broken\n  Scenario: s\n    Given a step\n  | not | a table here |\n  Nonsense line\n");

        var (exitCode, output, error) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("error: features/broken.feature:5:3: expected:");
        error.ShouldContain("got 'Nonsense line'");
        error.ShouldNotContain("   at ");
        output.ShouldNotContain("passed  ");
        File.ReadAllText(cli.Path("reports", "latest", "messages.ndjson")).ShouldContain("\"parseError\"");
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--target", "mars")]
    [InlineData("--tags", "@a and")]
    [InlineData("--features", "missing-directory")]
    [InlineData("--target", "emulator", "--endpoint", "notaurl")]
    [InlineData("--region", "eu-west-1")]
    [InlineData("--max-wait", "0")]
    [InlineData("--max-wait", "-5")]
    [InlineData("--max-wait", "soon")]
    [InlineData("--parallel", "many")]
    public async Task Usage_mistakes_exit_2_with_a_clear_message(params string[] options)
    {
        var (exitCode, _, error) = await cli.RunAsync(["run", .. options]);

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldStartWith("error: ");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_option_that_means_nothing_for_the_target_is_named()
    {
        cli.WriteFeature("sync.feature", PassingFeature);

        var (exitCode, _, error) = await cli.RunAsync("run", "--target", "emulator", "--endpoint", "http://127.0.0.1:4566", "--run-id", "abc");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldBe("error: --endpoint, --run-id mean nothing for the emulator target (only for localstack and aws); leave them out.\n", StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public async Task A_report_directory_that_cannot_be_written_is_named_without_a_stack_trace()
    {
        cli.WriteFeature("sync.feature", PassingFeature);
        File.WriteAllText(cli.Path("occupied"), "a file where the report directory should go");

        var (exitCode, _, error) = await cli.RunAsync("run", "--report", cli.Path("occupied", "out"));

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldStartWith("error: ");
        error.ShouldContain("occupied");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_tag_expression_selects_the_scenarios_to_run()
    {
        var (exitCode, output, _) = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--tags", "@async and not @needs:dead-letter-queues");

        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("An asynchronous invocation is accepted with 202 and no payload");
        output.ShouldNotContain("The dead-letter queue receives the original event");
        output.ShouldNotContain("synchronous invocation returns");
    }
}
