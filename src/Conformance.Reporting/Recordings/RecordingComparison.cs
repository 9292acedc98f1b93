using System.Text.Json.Nodes;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Recordings;

/// <summary>One scenario whose observations differ from the baseline's, with the differences by path.</summary>
public sealed record ScenarioDifference(string Feature, string Scenario, long Line, IReadOnlyList<JsonDiff.Difference> Differences);

/// <summary>
/// Checks a run against recorded evidence (<c>conformance compare --baseline DIR</c>): each scenario of
/// the run is normalised as a recording would be and compared, by path, with the baseline's recording
/// of the same scenario. The target, the date and the format are not compared.
/// </summary>
public static class RecordingComparison
{
    private static readonly string[] Compared = ["status", "observations"];

    public sealed record Result(IReadOnlyList<ScenarioDifference> Differing, int Same, IReadOnlyList<string> WithoutBaseline);

    public static Result Compare(RunReport run, string baselineDirectory)
    {
        var differing = new List<ScenarioDifference>();
        var without = new List<string>();
        var same = 0;
        foreach (var feature in run.Features)
            foreach (var scenario in feature.Scenarios.Where(s => s.Status != RunReportReader.NotRun))
            {
                var path = Path.Combine(baselineDirectory, ScenarioRecording.RelativePath(feature.Uri, scenario.Line));
                if (!File.Exists(path))
                {
                    without.Add($"{feature.Name}: {scenario.Name}");
                    continue;
                }
                var baseline = ScenarioRecording.Read(path);
                var observed = ScenarioRecording.Create(feature, scenario, "", DateOnly.MinValue);
                var differences = JsonDiff.Compare(Only(baseline), Only(observed));
                if (differences.Count == 0) same++;
                else differing.Add(new ScenarioDifference(feature.Name, scenario.Name, scenario.Line, differences));
            }
        return new Result(differing, same, without);
    }

    private static JsonObject Only(JsonObject recording) => new(Compared.Select(key => KeyValuePair.Create(key, recording[key]?.DeepClone())));
}
