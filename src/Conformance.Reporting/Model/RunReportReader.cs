using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Events.Evidence;

namespace Conformance.Reporting.Model;

/// <summary>
/// Builds a <see cref="RunReport"/> from a Cucumber Messages stream (NDJSON). It reads the JSON
/// directly, so it accepts streams written by any Cucumber implementation, not only ours.
/// </summary>
public static class RunReportReader
{
    public const string NotRun = Outcomes.NotRun;

    /// <summary>The media type of the invocation timelines the conformance steps attach.</summary>
    public const string TimelineMediaType = InvocationTimeline.MediaType;

    private static readonly string[] Severity = ["UNKNOWN", "PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];

    public static RunReport Read(string path)
    {
        try
        {
            return Read(File.ReadLines(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a Cucumber message stream: {ex.Message}", ex);
        }
    }

    public static RunReport Read(IEnumerable<string> lines)
    {
        var documents = new List<JsonNode>();
        var pickles = new List<JsonNode>();
        var testCases = new Dictionary<string, JsonNode>();
        var startedToCase = new Dictionary<string, string>();
        var stepResults = new Dictionary<(string CaseId, string StepId), JsonNode>();
        var parseErrors = new List<string>();
        var timelines = new Dictionary<string, List<TimelinePoint>>();
        var startedAt = new Dictionary<string, double>();
        var seconds = new Dictionary<string, double>();
        bool? success = null;

        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var envelope = JsonNode.Parse(line) as JsonObject
                ?? throw new JsonException($"line {lineNumber} is not a JSON object");
            if (envelope["gherkinDocument"] is { } document) documents.Add(document);
            else if (envelope["pickle"] is { } pickle) pickles.Add(pickle);
            else if (envelope["testCase"] is { } testCase) testCases[Text(testCase["id"])] = testCase;
            else if (envelope["testCaseStarted"] is { } started)
            {
                startedToCase[Text(started["id"])] = Text(started["testCaseId"]);
                startedAt[Text(started["id"])] = Seconds(started["timestamp"]);
            }
            else if (envelope["testCaseFinished"] is { } caseFinished && startedAt.TryGetValue(Text(caseFinished["testCaseStartedId"]), out var began))
                seconds[startedToCase[Text(caseFinished["testCaseStartedId"])]] = Seconds(caseFinished["timestamp"]) - began;
            else if (envelope["testStepFinished"] is { } finished)
                stepResults[(startedToCase.GetValueOrDefault(Text(finished["testCaseStartedId"])) ?? "", Text(finished["testStepId"]))] = finished["testStepResult"]!;
            else if (envelope["attachment"] is { } attachment && Text(attachment["mediaType"]) == TimelineMediaType
                     && startedToCase.GetValueOrDefault(Text(attachment["testCaseStartedId"])) is { } caseOfAttachment)
                timelines[caseOfAttachment] = Timeline(Text(attachment["body"]));
            else if (envelope["parseError"] is { } error)
                parseErrors.Add($"{Text(error["source"]?["uri"])}:{Text(error["source"]?["location"]?["line"])}: {Text(error["message"])}");
            else if (envelope["testRunFinished"] is { } runFinished) success = runFinished["success"]?.GetValue<bool>();
        }

        var casesByPickle = testCases.Values.ToDictionary(c => Text(c["pickleId"]));
        var features = documents.Select(document =>
        {
            var uri = Text(document["uri"]);
            var feature = document["feature"];
            var keywords = StepKeywords(feature);
            var scenarios = pickles.Where(p => Text(p["uri"]) == uri)
                .Select(p =>
                {
                    var testCase = casesByPickle.GetValueOrDefault(Text(p["id"]));
                    var caseId = Text(testCase?["id"]);
                    return Scenario(p, testCase, stepResults, keywords) with
                    {
                        Timeline = timelines.GetValueOrDefault(caseId) ?? [],
                        Seconds = seconds.TryGetValue(caseId, out var took) ? took : null,
                    };
                })
                .ToList();
            return new FeatureReport(uri, Text(feature?["name"]), Text(feature?["description"]).Trim(),
                Tags(feature?["tags"]), scenarios);
        }).ToList();
        return new RunReport(features, parseErrors, success);
    }

    private static ScenarioReport Scenario(JsonNode pickle, JsonNode? testCase, Dictionary<(string, string), JsonNode> results, Dictionary<string, string> keywords)
    {
        var steps = new List<StepReport>();
        var caseId = Text(testCase?["id"]);
        var pickleSteps = (pickle["steps"]?.AsArray() ?? []).ToDictionary(s => Text(s!["id"]), s => s!);
        foreach (var step in testCase?["testSteps"]?.AsArray() ?? [])
        {
            var result = results.GetValueOrDefault((caseId, Text(step!["id"])));
            var status = result is null ? NotRun : Text(result["status"]);
            var message = result?["message"]?.GetValue<string>();
            if (step["hookId"] is not null)
            {
                if (status != "PASSED" && status != NotRun) steps.Add(new StepReport("(hook)", status, message));
                continue;
            }
            var pickleStep = pickleSteps.GetValueOrDefault(Text(step["pickleStepId"]));
            var keyword = (pickleStep?["astNodeIds"]?.AsArray() ?? []).Select(id => keywords.GetValueOrDefault(Text(id))).FirstOrDefault(k => k is not null) ?? "";
            steps.Add(new StepReport(keyword + Text(pickleStep?["text"]), status, message));
        }
        var scenarioStatus = testCase is null || steps.All(s => s.Status == NotRun) || StoppedBefore(steps)
            ? NotRun
            : steps.Select(s => s.Status).Where(s => s != NotRun).DefaultIfEmpty("PASSED").MaxBy(s => Array.IndexOf(Severity, s))!;
        if (scenarioStatus == "SKIPPED") scenarioStatus = SkipOutcome(steps);
        return new ScenarioReport(Text(pickle["name"]), pickle["location"]?["line"]?.GetValue<long>() ?? 0, Tags(pickle["tags"]), scenarioStatus, steps);
    }

    /// <summary>
    /// A skipped scenario is unsupported when its skip says so; any other skip (the runner's "not
    /// applicable: ", or a skip of the user's own) is not applicable.
    /// </summary>
    private static string SkipOutcome(List<StepReport> steps) =>
        steps.FirstOrDefault(s => s.Status == "SKIPPED" && s.Message is not null)?.Message?.StartsWith(Outcomes.UnsupportedPrefix, StringComparison.Ordinal) == true
            ? Outcomes.Unsupported
            : Outcomes.NotApplicable;

    /// <summary>
    /// The run stopped before the scenario (its target was lost): the runner reports every step SKIPPED,
    /// the first with "not run: " and the reason (Conformance.Gherkin's ScenarioResult.NotRunPrefix).
    /// </summary>
    private static bool StoppedBefore(List<StepReport> steps) =>
        steps.Count > 0 && steps.All(s => s.Status == "SKIPPED") && steps[0].Message?.StartsWith(Outcomes.NotRunPrefix, StringComparison.Ordinal) == true;

    // A malformed attachment is left out of the report, not fatal to it.
    private static List<TimelinePoint> Timeline(string body) =>
        InvocationTimeline.Parse(body)?.Invocations.Select(i => new TimelinePoint(i.Seconds, i.Outcome, i.RequestId, i.Event) { Response = i.Response }).ToList() ?? [];

    private static Dictionary<string, string> StepKeywords(JsonNode? feature)
    {
        var keywords = new Dictionary<string, string>();
        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["keyword"] is not null && obj["text"] is not null && obj["id"] is not null)
                        keywords[Text(obj["id"])] = Text(obj["keyword"]);
                    foreach (var (_, child) in obj) Visit(child);
                    break;
                case JsonArray array:
                    foreach (var child in array) Visit(child);
                    break;
            }
        }
        Visit(feature);
        return keywords;
    }

    private static IReadOnlyList<string> Tags(JsonNode? tags) => (tags?.AsArray() ?? []).Select(t => Text(t!["name"])).ToList();

    /// <summary>A Cucumber <c>Timestamp</c> ({seconds, nanos}) as seconds; 0 where a field is missing.</summary>
    private static double Seconds(JsonNode? timestamp) =>
        (timestamp?["seconds"] is JsonValue s && s.TryGetValue<long>(out var whole) ? whole : 0)
        + (timestamp?["nanos"] is JsonValue n && n.TryGetValue<long>(out var nanos) ? nanos : 0) / 1e9;

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
