using YamlDotNet.Serialization;

namespace Conformance.Gherkin.Tests.Expressions;

/// <summary>The upstream Cucumber Expressions conformance cases (tests/testdata/cucumber-expressions).</summary>
public static class ExpressionTestData
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "testdata", "cucumber-expressions");

    public static TheoryData<string> Files(string folder)
    {
        var directory = Path.Combine(Root, folder);
        var files = Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files) data.Add(file!);
        return data;
    }

    public static Dictionary<string, object?> Load(string folder, string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, folder, file));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(text);
    }
}
