using Conformance.Core.Targets;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;
using Conformance.Tests.Shared;
using Xunit.Sdk;

namespace Conformance.Testing.Tests;

/// <summary>A team's own step, bound from the test assembly beside the kit's vocabulary.</summary>
[Binding]
public sealed class TeamSteps(ITarget target, FunctionDriver function)
{
    [Then("the team's check sees {int} invocation(s)")]
    public async Task Invocations(int count)
    {
        var actual = (await target.GetInvocationsAsync(function.Name)).Count;
        if (actual != count) throw new ExpectationFailedException("The team's check saw another number of invocations.", $"{count}", $"{actual}");
    }
}

/// <summary>A suite on the repository's order-processing example: its own functions, the kit's steps and a team's step.</summary>
[Trait("Tier", "integration")]
public sealed class ConformanceSuiteTests : IDisposable
{
    private readonly string features = Directory.CreateTempSubdirectory("suite-features-").FullName;

    public void Dispose() => Directory.Delete(features, recursive: true);

    private sealed class ExampleSuite(string features) : ConformanceSuite(new SuiteOptions
    {
        ProjectDirectory = Path.Combine(RepositoryPaths.Root, "examples", "order-processing"),
        FeaturesDirectory = features,
        BindingAssemblies = [typeof(TeamSteps).Assembly],
    });

    [Fact]
    public async Task A_scenario_passes_or_fails_with_the_step_s_evidence_using_the_kit_s_and_the_team_s_steps()
    {
        File.WriteAllText(Path.Combine(features, "orders.feature"), """
            Feature: Orders
              Background:
                Given the function "orders"
                And an SQS queue "incoming" with a visibility timeout of 30 seconds
                And the function polls "incoming" and reports batch item failures

              Scenario: good
                When the message "order-1" is sent to "incoming"
                And 1 second passes
                Then the team's check sees 1 invocation
                And the response to batch 1 named no failures

              Scenario: wrong count
                When the message "order-1" is sent to "incoming"
                And 1 second passes
                Then the team's check sees 2 invocations
            """);
        var keys = ScenarioCatalog.Rows(features).Select(r => (string)r.GetData()[0]!).ToList();
        var suite = new ExampleSuite(features);
        await suite.InitializeAsync();

        await suite.RunAsync(keys.Single(k => k.EndsWith(":7", StringComparison.Ordinal)));
        var failure = await Should.ThrowAsync<XunitException>(() => suite.RunAsync(keys.Single(k => k.EndsWith(":13", StringComparison.Ordinal))));
        await suite.DisposeAsync();

        failure.Message.ShouldContain("The team's check saw another number of invocations.");
        failure.Message.ShouldContain("expected: 2");
        File.ReadAllText(ConformanceSuite.MessagesPath).ShouldContain("\"testRunFinished\"");
    }
}
