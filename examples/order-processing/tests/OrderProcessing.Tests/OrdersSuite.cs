using Conformance.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(OrderProcessing.Tests.OrdersSuite))]

namespace OrderProcessing.Tests;

/// <summary>
/// The orders project (../../conformance.json, found above this test's output) on the kit's reference
/// engine: the features of this test project, with the kit's steps and the steps in this assembly.
/// </summary>
public sealed class OrdersSuite() : ConformanceSuite(new SuiteOptions
{
    FeaturesDirectory = Features,
    BindingAssemblies = [typeof(OrdersSuite).Assembly],
})
{
    public static string Features => Path.Combine(AppContext.BaseDirectory, "features");
}

/// <summary>Every scenario is a test case of its own.</summary>
public sealed class OrderScenarios(OrdersSuite suite)
{
    public static IEnumerable<ITheoryDataRow> Scenarios() => ScenarioCatalog.Rows(OrdersSuite.Features);

    [Theory, MemberData(nameof(Scenarios))]
    public Task Scenario(string key) => suite.RunAsync(key);
}
