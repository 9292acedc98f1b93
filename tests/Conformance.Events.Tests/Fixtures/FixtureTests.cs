using System.Text.Json;
using Conformance.Events.Fixtures;
using Conformance.Events.Validation;
using Conformance.Tests.Shared;

namespace Conformance.Events.Tests.Fixtures;

public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures => new(FixtureCatalog.All.Select(f => f.RelativePath));

    private static Fixture Get(string path) => FixtureCatalog.All.Single(f => f.RelativePath == path);

    [Fact]
    public void The_checked_in_fixtures_are_exactly_what_the_code_generates()
    {
        var directory = Directory.CreateTempSubdirectory("fixtures");
        try
        {
            FixtureCatalog.Generate(directory.FullName);
            var checkedIn = Path.Combine(RepositoryPaths.Root, "fixtures", "events");
            var expected = Files(directory.FullName);
            Files(checkedIn).Keys.ShouldBe(expected.Keys, ignoreOrder: true, "fixtures/events differs from the catalogue: run 'conformance fixtures generate'");
            foreach (var (path, content) in expected)
                File.ReadAllText(Path.Combine(checkedIn, path)).ShouldBe(content, $"fixtures/events/{path} drifted: run 'conformance fixtures generate'");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Object_to_json_to_object_to_json_is_byte_stable(string path)
    {
        var fixture = Get(path);
        var json = fixture.Render(FixtureCatalog.DefaultSeed);

        var again = JsonSerializer.Deserialize(json, fixture.Shape, EventJson.Options);
        var second = JsonSerializer.Serialize(again, fixture.Shape, EventJson.Indented) + "\n";

        second.ShouldBe(json);
    }

    [Theory, MemberData(nameof(Fixtures))]
    public void Every_fixture_is_named_by_source_and_fits_its_shape(string path)
    {
        var fixture = Get(path);
        fixture.FileName.ShouldStartWith(fixture.Source + "-");
        fixture.FileName.ShouldMatch(@"-(event|response)\.json$");
        var json = System.Text.Json.Nodes.JsonNode.Parse(fixture.Render(FixtureCatalog.DefaultSeed));
        ShapeValidator.Validate(json, fixture.Shape).ShouldBeEmpty();
        EventKinds.ByName[EventKinds.Detect(json).ShouldNotBeNull()].ShouldBe(fixture.Shape);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_json_and_another_seed_other_values()
    {
        var first = FixtureCatalog.All.Select(f => f.Render(7)).ToList();
        FixtureCatalog.All.Select(f => f.Render(7)).ShouldBe(first);
        FixtureCatalog.All.Select(f => f.Render(8)).Zip(first).Count(p => p.First != p.Second).ShouldBe(first.Count);
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
}
