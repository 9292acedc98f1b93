namespace Conformance.Cli.Tests.Commands;

/// <summary><c>conformance.json</c>: a project's defaults for <c>run</c>, validated with errors that name the field.</summary>
[Collection("working directory")]
public sealed class ConfigFileTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private const string TwoScenarios = """
        Feature: Two
          @fast
          Scenario: one
            Given a function that returns nothing
          Scenario: two
            Given a function that returns nothing
        """;

    [Fact]
    public async Task The_file_s_tags_and_report_folder_apply_and_the_command_line_wins()
    {
        cli.WriteFeature("two.feature", TwoScenarios);
        File.WriteAllText(cli.Path("conformance.json"), """{ "tags": "@fast", "report": "from-config", "target": "reference" }""");

        var configured = await cli.RunAsync("run");
        var overridden = await cli.RunAsync("run", "--tags", "not @fast", "--report", cli.Path("cli"));

        configured.ExitCode.ShouldBe(ExitCodes.AllPassed);
        configured.Output.ShouldContain("1 scenarios: 1 passed");
        File.Exists(cli.Path("from-config", "messages.ndjson")).ShouldBeTrue();
        overridden.Output.ShouldContain("passed  Two: two");
        overridden.Output.ShouldNotContain("Two: one");
    }

    [Theory]
    [InlineData("""{ "tag": "@fast" }""", "unknown field \"tag\"")]
    [InlineData("""{ "parallel": "4" }""", "\"parallel\" must be a whole number from 1 to 64, not the text \"4\"")]
    [InlineData("""{ "target": "cloud" }""", "\"target\" must be one of reference, emulator, serverless-aws-lambda, localstack, aws, not \"cloud\"")]
    [InlineData("""{ "region": 5 }""", "\"region\" must be a string, not the number 5")]
    [InlineData("{\n  \"tags\": \"@a\",\n  oops\n}", "line 3: not valid JSON")]
    public async Task A_wrong_file_is_an_input_error_naming_the_field(string json, string message)
    {
        cli.WriteFeature("two.feature", TwoScenarios);
        File.WriteAllText(cli.Path("conformance.json"), json);

        var (exitCode, _, error) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("conformance.json: ");
        error.ShouldContain(message);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_config_file_given_by_name_must_exist()
    {
        var (exitCode, _, error) = await cli.RunAsync("run", "--config", "team.json");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("--config: team.json: no such file.");
    }
}
