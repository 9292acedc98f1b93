namespace Conformance.Cli.Tests.Commands;

[Collection("working directory")]
public sealed class QuietOutputTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Quiet_prints_only_the_scenarios_that_did_not_pass_and_the_totals()
    {
        cli.WriteFeature("two.feature", """
            Feature: Two
              Scenario: fine
                Given a function that returns nothing
                When the function is invoked synchronously with:
                  ```json
                  {}
                  ```
                Then the response status is 200
              Scenario: broken
                Given a function that returns nothing
                When the function is invoked synchronously with:
                  ```json
                  {}
                  ```
                Then the response status is 201
            """);

        var (exitCode, output, _) = await cli.RunAsync("run", "--quiet");

        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldNotContain("Two: fine");
        output.ShouldContain("failed  Two: broken");
        output.ShouldContain("2 scenarios: 1 passed, 1 failed");
    }
}
