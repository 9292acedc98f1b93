using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Events.Normalisation;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Recordings;

/// <summary>
/// What a target did in one scenario, kept so another target can be checked against it later without
/// access to the first (e.g. an emulator against AWS evidence, without AWS credentials): the scenario's
/// status and its invocations, with ids, ARNs' accounts and regions and times replaced by numbered
/// placeholders (<see cref="EventNormaliser"/>), seconds since the first invocation, and the date it
/// was recorded. One JSON file per scenario: <c>DIR/&lt;feature path&gt;/&lt;line&gt;.json</c>.
/// </summary>
public static class ScenarioRecording
{
    public const int FormatVersion = 1;

    public static JsonObject Create(FeatureReport feature, ScenarioReport scenario, string target, DateOnly recorded)
    {
        var normaliser = new EventNormaliser(); // one per scenario: placeholders keep identity within it
        var observations = new JsonArray();
        foreach (var point in scenario.Timeline)
        {
            observations.Add(new JsonObject
            {
                ["seconds"] = Math.Round(point.Seconds, 1),
                ["outcome"] = point.Outcome,
                ["requestId"] = normaliser.Normalise(JsonValue.Create(point.RequestId)),
                ["event"] = normaliser.Normalise(ParseOrText(point.Event)),
                ["response"] = point.Response is null ? null : normaliser.Normalise(ParseOrText(point.Response)),
            });
        }
        return new JsonObject
        {
            ["format"] = FormatVersion,
            ["feature"] = feature.Uri,
            ["scenario"] = scenario.Name,
            ["line"] = scenario.Line,
            ["target"] = target,
            ["recorded"] = recorded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = scenario.Status,
            ["observations"] = observations,
        };
    }

    /// <summary>The file of a scenario's recording within a recordings folder.</summary>
    public static string RelativePath(string featureUri, long line) =>
        Path.Combine(Path.ChangeExtension(featureUri.Replace('\\', '/'), null).Split('/').Where(p => p is not ("" or "." or "..")).ToArray()) + $"/{line}.json";

    /// <summary>Writes every scenario of a run; returns how many files were written.</summary>
    public static int WriteAll(RunReport run, string target, string directory, DateOnly recorded)
    {
        var count = 0;
        foreach (var feature in run.Features)
            foreach (var scenario in feature.Scenarios.Where(s => s.Status != RunReportReader.NotRun))
            {
                var path = Path.Combine(directory, RelativePath(feature.Uri, scenario.Line));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path + ".tmp", Create(feature, scenario, target, recorded).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                File.Move(path + ".tmp", path, overwrite: true);
                count++;
            }
        return count;
    }

    /// <summary>Reads a recording; a file that is not one throws <see cref="InvalidDataException"/> naming it.</summary>
    public static JsonObject Read(string path)
    {
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject recording && recording["format"]?.GetValue<int>() == FormatVersion
                && recording["observations"] is JsonArray)
                return recording;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a scenario recording ({ex.Message}).");
        }
        throw new InvalidDataException($"{path}: not a scenario recording (format {FormatVersion} with observations expected).");
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
