using System.Xml.Linq;
using Conformance.Tests.Shared;

namespace Conformance.Architecture.Tests;

/// <summary>The project graph of design.md stays one-way: each project references only what it may.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Core"] = [],
        ["Gherkin"] = ["Core"],
        ["Events"] = ["Core"],
        ["Engine"] = ["Core", "Events"],
        ["Targets"] = ["Core", "Events", "Engine"],
        ["Steps"] = ["Core", "Gherkin", "Events"],
        ["Reporting"] = ["Core", "Events"],
        ["Cli"] = ["Core", "Gherkin", "Events", "Engine", "Targets", "Steps", "Reporting"],
    };

    public static TheoryData<string> Projects => new(Allowed.Keys);

    [Theory, MemberData(nameof(Projects))]
    public void A_project_references_only_the_projects_it_may(string project)
    {
        var references = References(project);
        references.Except(Allowed[project]).ShouldBeEmpty($"Conformance.{project} references a project the layout forbids");
    }

    [Fact]
    public void Every_source_project_has_a_rule_and_a_mirroring_test_project()
    {
        var sources = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"), "Conformance.*").Select(d => Path.GetFileName(d)["Conformance.".Length..]);
        sources.Order().ShouldBe(Allowed.Keys.Order());
        foreach (var project in Allowed.Keys)
            Directory.Exists(Path.Combine(RepositoryPaths.Root, "tests", $"Conformance.{project}.Tests")).ShouldBeTrue($"no tests/Conformance.{project}.Tests");
    }

    [Fact]
    public void The_forbidden_directions_named_in_the_design_are_absent()
    {
        References("Steps").ShouldNotContain("Engine");
        References("Engine").ShouldNotContain("Targets");
        References("Gherkin").ShouldNotContain("Steps");
    }

    private static string[] References(string project)
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", $"Conformance.{project}", $"Conformance.{project}.csproj");
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)["Conformance.".Length..])
            .ToArray();
    }
}
