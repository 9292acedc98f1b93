using System.Xml.Linq;
using Conformance.Tests.Shared;

namespace Conformance.Architecture.Tests;

/// <summary>
/// The project graph of docs/architecture.md stays one-way: each project references only what it may,
/// its namespaces are its own, and its test project mirrors it.
/// </summary>
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
        ["Reporting"] = ["Events"],
        ["Testing"] = ["Core", "Gherkin", "Events", "Engine", "Targets", "Steps"],
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

    [Theory, MemberData(nameof(Projects))]
    public void Every_file_of_a_project_declares_a_namespace_of_that_project(string project)
    {
        foreach (var (file, @namespace) in Namespaces(Path.Combine(RepositoryPaths.Root, "src", $"Conformance.{project}")))
            @namespace.ShouldStartWith($"Conformance.{project}", Case.Sensitive, $"{file} declares {@namespace}");
    }

    [Theory, MemberData(nameof(Projects))]
    public void A_test_project_tests_its_own_project_in_namespaces_of_its_own(string project)
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests", $"Conformance.{project}.Tests");
        ReferencesIn(Path.Combine(tests, $"Conformance.{project}.Tests.csproj")).ShouldContain(project, $"Conformance.{project}.Tests does not reference Conformance.{project}");
        foreach (var (file, @namespace) in Namespaces(tests))
            @namespace.ShouldStartWith($"Conformance.{project}.Tests", Case.Sensitive, $"{file} declares {@namespace}");
    }

    [Fact]
    public void The_engine_s_parts_are_given_what_they_need_not_the_engine()
    {
        var engine = Path.Combine(RepositoryPaths.Root, "src", "Conformance.Engine");
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            if (Path.GetFileName(file) != "LambdaEngine.cs")
                File.ReadAllText(file).ShouldNotContain("LambdaEngine", Case.Sensitive, $"{Path.GetRelativePath(RepositoryPaths.Root, file)} reaches back into the engine; give it EngineParts");
    }

    private static IEnumerable<(string File, string Namespace)> Namespaces(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Line: File.ReadLines(f).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))))
            .Where(f => f.Line is not null)
            .Select(f => (f.File, f.Line!["namespace ".Length..].TrimEnd(';', ' ')));

    private static string[] References(string project) =>
        ReferencesIn(Path.Combine(RepositoryPaths.Root, "src", $"Conformance.{project}", $"Conformance.{project}.csproj"));

    /// <summary>The projects a project file references, without the "Conformance." prefix (the shared test code is "Tests.Shared").</summary>
    private static string[] ReferencesIn(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
            .Select(name => name.StartsWith("Conformance.", StringComparison.Ordinal) ? name["Conformance.".Length..] : name)
            .ToArray();
}
