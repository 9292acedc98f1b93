using System.Text.Json.Nodes;
using Conformance.Reporting.Model;
using Conformance.Reporting.Recordings;

namespace Conformance.Reporting.Tests.Recordings;

public sealed class RecordingTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("recordings");

    public void Dispose() => directory.Delete(recursive: true);

    private static RunReport Run(params TimelinePoint[] timeline) => new(
        [new FeatureReport("features/async/retries.feature", "Retries", "", [],
            [new ScenarioReport("A failing event is attempted three times", 12, [], "PASSED", []) { Timeline = timeline }])], [], true);

    private static TimelinePoint Attempt(double seconds, string requestId, string @event) => new(seconds, "FunctionError", requestId, @event);

    private const string Event = """{"id":"9f0c2e61-3e2b-4f0a-9d55-0d6f8f1b2a11","time":"2025-01-01T00:00:00Z","source":"arn:aws:sqs:eu-west-1:123456789012:orders"}""";

    [Fact]
    public void A_recording_replaces_ids_times_and_accounts_by_placeholders_and_keeps_identity()
    {
        ScenarioRecording.WriteAll(Run(Attempt(0, "req-1111-2222", Event), Attempt(61, "req-1111-2222", Event)), "aws", directory.FullName, new DateOnly(2026, 11, 23))
            .ShouldBe(1);

        var recording = ScenarioRecording.Read(Path.Combine(directory.FullName, "features", "async", "retries", "12.json"));
        recording["target"]!.ToString().ShouldBe("aws");
        recording["recorded"]!.ToString().ShouldBe("2026-11-23");
        var observations = recording["observations"]!.AsArray();
        observations[0]!["event"]!["id"]!.ToString().ShouldStartWith("<");
        observations[0]!["event"]!["time"]!.ToString().ShouldStartWith("<");
        observations[0]!["event"]!["source"]!.ToString().ShouldNotContain("123456789012");
        observations[1]!["event"]!["id"]!.ToString().ShouldBe(observations[0]!["event"]!["id"]!.ToString());
        observations[1]!["seconds"]!.GetValue<double>().ShouldBe(61);
    }

    [Fact]
    public void The_same_behaviour_with_other_ids_and_a_little_jitter_compares_equal()
    {
        const string RequestA = "aaaaaaaa-0000-4000-8000-000000000001", RequestB = "bbbbbbbb-0000-4000-8000-000000000002";
        ScenarioRecording.WriteAll(Run(Attempt(0, RequestA, Event), Attempt(60, RequestA, Event)), "aws", directory.FullName, new DateOnly(2026, 11, 23));
        var otherIds = Event.Replace("9f0c2e61-3e2b-4f0a-9d55-0d6f8f1b2a11", "11111111-2222-3333-4444-555555555555").Replace("2025-01-01T00:00:00Z", "2026-11-23T10:00:00Z");

        var result = RecordingComparison.Compare(Run(Attempt(0, RequestB, otherIds), Attempt(61.5, RequestB, otherIds)), directory.FullName);

        result.Differing.ShouldBeEmpty();
        result.Same.ShouldBe(1);
    }

    [Fact]
    public void A_different_retry_schedule_and_a_missing_attempt_are_reported_by_path()
    {
        ScenarioRecording.WriteAll(Run(Attempt(0, "a", Event), Attempt(60, "a", Event), Attempt(180, "a", Event)), "aws", directory.FullName, new DateOnly(2026, 11, 23));

        var result = RecordingComparison.Compare(Run(Attempt(0, "a", Event), Attempt(5, "a", Event)), directory.FullName);

        var differences = result.Differing.ShouldHaveSingleItem().Differences.Select(d => d.ToString()).ToList();
        differences.ShouldContain("$.observations[1].seconds: expected 60, observed 5");
        differences.ShouldContain(d => d.StartsWith("$.observations[2]: expected {", StringComparison.Ordinal) && d.EndsWith("observed (absent)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_recording_is_named()
    {
        var path = Path.Combine(directory.FullName, "bad.json");
        File.WriteAllText(path, "{\"not\": \"a recording\"}");

        Should.Throw<InvalidDataException>(() => ScenarioRecording.Read(path)).Message.ShouldContain("bad.json: not a scenario recording");
    }

    [Fact]
    public void Json_diff_reports_changed_added_and_removed_keys()
    {
        var differences = JsonDiff.Compare(JsonNode.Parse("""{"a":1,"b":{"c":"x"},"gone":true}"""), JsonNode.Parse("""{"a":2,"b":{"c":"x","d":[1]}}"""))
            .Select(d => d.ToString()).ToList();

        differences.ShouldBe(["$.a: expected 1, observed 2", "$.b.d: expected (absent), observed [1]", "$.gone: expected true, observed (absent)"], ignoreOrder: true);
    }
}
