using Io.Cucumber.Messages.Types;

namespace Conformance.Features.Tests;

/// <summary>Every scenario of <c>features/</c> is a test case, run on the reference target.</summary>
public sealed class ScenarioTests(FeatureRun feature)
{
    public static IEnumerable<ITheoryDataRow> Scenarios() => FeatureCatalog.Rows();

    [Theory, MemberData(nameof(Scenarios))]
    public async Task Scenario(string key)
    {
        if (key.EndsWith(FeatureCatalog.ParseErrorSuffix, StringComparison.Ordinal))
            Assert.Fail(string.Join("\n", FeatureCatalog.ParseErrors(key[..^FeatureCatalog.ParseErrorSuffix.Length])));

        var plan = feature.Run.TestCases.SingleOrDefault(p => p.Key == key)
            ?? throw new InvalidOperationException($"No scenario at {key}; was the feature file changed during the run?");
        var result = await feature.Run.RunAsync(plan);

        if (result.Status == TestStepResultStatus.SKIPPED) Assert.Skip(result.Problem ?? "skipped");
        if (!result.Passed) Assert.Fail(result.Problem);
    }

    [Fact]
    public void The_step_bindings_have_no_mistakes() =>
        feature.Run.Bindings.Errors.Select(e => e.ToString()).ShouldBeEmpty();
}
