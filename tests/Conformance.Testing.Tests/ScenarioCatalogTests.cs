namespace Conformance.Testing.Tests;

/// <summary>A features folder as xUnit rows: one per scenario, named and tagged, and one failing row per file that does not parse.</summary>
public sealed class ScenarioCatalogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("catalog-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Each_scenario_is_a_row_keyed_by_its_place_with_its_tags_as_traits()
    {
        File.WriteAllText(Path.Combine(folder, "orders.feature"), """
            @source:sqs
            Feature: Orders
              Scenario: one
                Given the function "orders"
              @slow
              Scenario: two
                Given the function "orders"
            """);
        File.WriteAllText(Path.Combine(folder, "broken.feature"), "Feature: Broken\n  Scenario: s\n    Given a step\n  | not | a table here |\n  Nonsense line\n");

        var rows = ScenarioCatalog.Rows(folder).ToList();

        var uri = $"{Path.GetFileName(folder)}/orders.feature"; // relative to the folder above, as the runner names files
        rows.Select(r => r.TestDisplayName).ShouldBe(["Orders: one", "Orders: two", $"{Path.GetFileName(folder)}/broken.feature: parse error"], ignoreOrder: true);
        rows.Single(r => r.TestDisplayName == "Orders: two").GetData().ShouldBe([$"{uri}:6"]);
        rows.Single(r => r.TestDisplayName == "Orders: two").Traits!["Category"].Order().ShouldBe(["slow", "source:sqs"]);
        rows.Single(r => r.TestDisplayName!.EndsWith("parse error", StringComparison.Ordinal)).GetData().ShouldBe([$"{Path.GetFileName(folder)}/broken.feature:parse-error"]);
    }
}
