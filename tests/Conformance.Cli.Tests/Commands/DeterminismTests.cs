using System.Text.Json.Nodes;
using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>The same seed and corpus give the same message stream, apart from wall-clock times and durations.</summary>
[Collection("working directory")]
public sealed class DeterminismTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Two_runs_with_the_same_seed_write_the_same_messages()
    {
        await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("a"), "--seed", "3");
        await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("b"), "--seed", "3");

        var first = Normalised(cli.Path("a", "messages.ndjson"));
        var second = Normalised(cli.Path("b", "messages.ndjson"));

        second.ShouldBe(first);
        first.Count.ShouldBeGreaterThan(1000);
    }

    private static List<string> Normalised(string path) => File.ReadLines(path).Select(line =>
    {
        var node = JsonNode.Parse(line)!;
        Strip(node);
        return node.ToJsonString();
    }).ToList();

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    if (key is "timestamp" or "duration" or "meta") obj.Remove(key);
                    else Strip(obj[key]);
                break;
            case JsonArray array:
                foreach (var item in array) Strip(item);
                break;
        }
    }
}
