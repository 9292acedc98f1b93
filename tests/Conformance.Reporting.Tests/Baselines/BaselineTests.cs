using Conformance.Reporting.Baselines;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Tests.Baselines;

/// <summary>The baseline file: written from a run (reasons kept), read back, refused with the entry named when wrong.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("baseline-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static RunReport Run(params (string Name, string Status, string? Message)[] scenarios) =>
        new([new FeatureReport("features/a.feature", "A", "", [], [.. scenarios.Select((s, i) =>
            new ScenarioReport(s.Name, i + 2, [], s.Status, s.Message is null ? [] : [new StepReport("Then x", s.Status == Outcomes.Unsupported ? "SKIPPED" : "FAILED", s.Message)]))])], [], false);

    private string Write(string json)
    {
        var path = Path.Combine(folder, "baseline.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_baseline_holds_the_run_s_divergences_with_their_normalised_evidence_and_keeps_earlier_reasons()
    {
        var run = Run(("ok", "PASSED", null), ("wrong", "FAILED", "Other status.\n  expected: 202\n  observed: 200 (request 0a1b2c3d-0000-4000-8000-000000000001)"),
            ("gap", Outcomes.Unsupported, "unsupported: the emulator target lacks source:s3"));
        var previous = new Baseline("emulator", [new BaselineEntry("features/a.feature", "gap", "unsupported", "", "no S3 in serverless-offline", "https://example.org/issues/1")]);

        var baseline = Baseline.From(run, "emulator", previous, "accepted today");
        var again = Baseline.Load(Write(baseline.ToJson()));

        again.ShouldBe(baseline with { Entries = again.Entries }); // same target
        again.Entries.Select(e => (e.Scenario, e.Outcome, e.Reason, e.Link)).ShouldBe([
            ("gap", "unsupported", "no S3 in serverless-offline", "https://example.org/issues/1"),
            ("wrong", "failed", "accepted today", null),
        ]);
        again.Entries[1].Observed.ShouldBe("Other status.\n  expected: 202\n  observed: 200 (request <id>)");
    }

    [Theory]
    [InlineData("""{"target":"emulator","entries":[{"feature":"f","scenario":"s","outcome":"failed","observed":""}]}""", "entries[0] (f: s): has no \"reason\"")]
    [InlineData("""{"target":"emulator","entries":[{"feature":"f","scenario":"s","outcome":"passed","reason":"r"}]}""", "entries[0] (f: s): \"outcome\" must be \"failed\" or \"unsupported\", not \"passed\"")]
    [InlineData("""{"entries":[]}""", "a baseline is an object with \"target\"")]
    [InlineData("{\"target\":\"emulator\",\n\"entries\": [", "line 2: not valid JSON")]
    [InlineData("""{"target":"emulator","entries":[{"feature":"f","scenario":"s","outcome":"failed","reason":"r"},{"feature":"f","scenario":"s","outcome":"failed","reason":"r"}]}""", "f: s is listed 2 times")]
    public void A_wrong_baseline_is_refused_naming_the_file_and_the_entry(string json, string message)
    {
        var path = Write(json);
        var problem = Should.Throw<InvalidDataException>(() => Baseline.Load(path)).Message;
        problem.ShouldStartWith(path);
        problem.ShouldContain(message);
    }
}
