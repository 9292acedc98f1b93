namespace Conformance.Cli.Tests.Commands;

/// <summary><c>conformance plan</c>: what a run would run, skip and create on a target, worked out from the corpus alone.</summary>
[Collection("working directory")]
public sealed class PlanCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private const string Corpus = """
        Feature: Mixed
          @needs:source:sqs
          Scenario: A queue scenario
            Given a function that returns nothing
            And an SQS queue "orders" with a visibility timeout of 30 seconds
            And the function polls "orders"
            When the message "m1" is sent to "orders"
            And 2 minutes pass
            Then the function was invoked 1 time

          @needs:versions
          Scenario: A version scenario
            Given a function that returns nothing
            When the function's version is published

          Scenario: A long wait
            Given a function that returns nothing
            When 3 hours pass
            Then the function was not invoked
        """;

    [Fact]
    public async Task Names_what_would_run_what_is_skipped_and_why_and_what_it_creates()
    {
        cli.WriteFeature("mixed.feature", Corpus);

        var (exitCode, output, error) = await cli.RunAsync("plan", "--target", "emulator", "--parallel", "2");

        error.ShouldBeEmpty();
        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("would run (1):");
        output.ShouldContain("A queue scenario  (about 3 minutes; creates 1 function, 1 queue, 1 event source mapping)");
        output.ShouldContain("unsupported (1):");
        output.ShouldContain("A version scenario  (the emulator target lacks versions)");
        output.ShouldContain("not applicable (1):");
        output.ShouldContain("A long wait  (the emulator target would have to wait 3 hours in real time, more than --max-wait (15 minutes))");
        output.ShouldContain("3 scenarios on emulator: 1 would run, 1 unsupported, 1 not applicable.");
        output.ShouldContain("They create 1 function, 1 queue, 1 event source mapping, each removed when its scenario ends.");
        output.ShouldContain("Expected wall time: about 3 minutes with 2 at a time");
    }

    [Fact]
    public async Task On_the_reference_target_everything_runs()
    {
        cli.WriteFeature("mixed.feature", Corpus);

        var (_, output, _) = await cli.RunAsync("plan", "--target", "reference");

        output.ShouldContain("3 scenarios on reference: 3 would run, 0 unsupported, 0 not applicable.");
    }

    [Fact]
    public async Task A_bad_tag_expression_or_a_missing_corpus_is_a_usage_error()
    {
        cli.WriteFeature("mixed.feature", Corpus);

        var (badTags, _, tagsError) = await cli.RunAsync("plan", "--tags", "@a and");
        var (noCorpus, _, corpusError) = await cli.RunAsync("plan", "--features", "missing");

        badTags.ShouldBe(ExitCodes.UsageOrInputError);
        tagsError.ShouldStartWith("error: --tags:");
        noCorpus.ShouldBe(ExitCodes.UsageOrInputError);
        corpusError.ShouldContain("the features directory 'missing' does not exist");
    }

    [Fact]
    public async Task Takes_the_options_of_the_run_it_plans_so_it_can_go_in_front_of_that_command_line()
    {
        cli.WriteFeature("mixed.feature", Corpus);

        var (exitCode, output, error) = await cli.RunAsync("plan", "--target", "aws", "--region", "eu-west-1", "--role-arn", "arn:aws:iam::123456789012:role/probe",
            "--endpoint", "http://127.0.0.1:4566", "--run-id", "abc1", "--report", "reports/aws", "--parallel", "2", "--quiet", "--step-timeout", "60");

        error.ShouldBeEmpty();
        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("3 scenarios on aws:");
    }

    [Fact]
    public async Task Reads_the_project_s_conformance_json_as_the_run_does()
    {
        cli.WriteFeature("mixed.feature", Corpus);
        File.WriteAllText(cli.Path("conformance.json"), """{ "target": "emulator" }""");

        var (_, output, _) = await cli.RunAsync("plan");

        output.ShouldContain("3 scenarios on emulator:");
    }
}
