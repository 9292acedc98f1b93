namespace Conformance.Testing.Tests;

/// <summary>Finding and loading the project a test project checks.</summary>
public sealed class UserProjectTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("project-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_given_folder_without_conformance_json_is_refused_naming_the_file() =>
        Should.Throw<InvalidOperationException>(() => UserProject.Load(folder))
            .Message.ShouldBe($"{Path.Combine(folder, "conformance.json")}: no such file.");

    [Fact]
    public void A_wrong_function_entry_is_refused_naming_the_file_and_the_field()
    {
        File.WriteAllText(Path.Combine(folder, "conformance.json"), """{ "functions": { "orders": { "handler": "a.handler", "runtime": "nodejs20.x", "timeout": 0 } } }""");
        Should.Throw<InvalidDataException>(() => UserProject.Load(folder))
            .Message.ShouldBe($"{Path.Combine(folder, "conformance.json")}: functions.orders.timeout: must be a whole number of seconds from 1 to 900, not 0.");
    }

    [Fact]
    public void A_runtime_that_cannot_run_here_is_refused_before_any_scenario()
    {
        File.WriteAllText(Path.Combine(folder, "conformance.json"), """{ "functions": { "orders": { "handler": "a.handler", "runtime": "ruby3.3" } } }""");
        Should.Throw<InvalidOperationException>(() => UserProject.Load(folder)).Message.ShouldStartWith("function \"orders\": the runtime ruby3.3 cannot run here");
    }

    [Fact]
    public void The_project_is_the_nearest_folder_above_that_holds_conformance_json()
    {
        File.WriteAllText(Path.Combine(folder, "conformance.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(folder, "tests", "bin", "Debug")).FullName;

        UserProject.Find(nested).ShouldBe(folder);
        UserProject.Load(folder).Functions.All.ShouldBeEmpty();
    }
}
