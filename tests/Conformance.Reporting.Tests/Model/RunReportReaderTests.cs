using Conformance.Reporting.Model;

namespace Conformance.Reporting.Tests.Model;

public sealed class RunReportReaderTests
{
    private const string Feature = """
        @feature-tag
        Feature: Sample
          A description with a link https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html

          @keep
          Scenario: passes
            Given a passing step

          @keep
          Scenario: fails
            Given a passing step
            Then it fails with "expected 5 but was 4"

          Scenario: filtered out
            Given a passing step
        """;

    [Fact]
    public async Task Reads_features_scenarios_steps_and_statuses_from_the_stream()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync(Feature, tags: "@keep"));

        var feature = report.Features.ShouldHaveSingleItem();
        feature.Name.ShouldBe("Sample");
        feature.Uri.ShouldBe("features/sample.feature");
        feature.Description.ShouldStartWith("A description with a link");
        feature.Tags.ShouldBe(["@feature-tag"]);
        feature.Scenarios.Select(s => $"{s.Name}={s.Status}").ShouldBe(["passes=PASSED", "fails=FAILED", $"filtered out={RunReportReader.NotRun}"]);

        feature.Scenarios[0].Seconds.ShouldNotBeNull().ShouldBeInRange(0, 10);
        feature.Scenarios[2].Seconds.ShouldBeNull(); // filtered out: never started

        var failed = feature.Scenarios[1];
        failed.Steps.Select(s => $"{s.Text}={s.Status}").ShouldBe(["Given a passing step=PASSED", "Then it fails with \"expected 5 but was 4\"=FAILED"]);
        failed.Steps[1].Message.ShouldBe("expected 5 but was 4");
        report.Success.ShouldBe(false);
        report.Count("PASSED").ShouldBe(1);
    }

    [Fact]
    public async Task Scenarios_the_run_stopped_before_are_not_run_with_the_reason_in_the_matrix_and_the_summary()
    {
        var asked = 0;
        var messages = await SampleRun.MessagesAsync(Feature, stopReason: () => Interlocked.Increment(ref asked) > 1 ? "target lost: the server exited" : null);

        var report = RunReportReader.Read(messages);

        report.Scenarios.Select(s => $"{s.Name}={s.Status}").ShouldBe(["passes=PASSED", $"fails={RunReportReader.NotRun}", $"filtered out={RunReportReader.NotRun}"]);
        var cell = Conformance.Reporting.Matrix.MatrixCell.Of(report.Scenarios.Last());
        (cell.Outcome, cell.Detail).ShouldBe((Conformance.Reporting.Matrix.MatrixCell.NotRun, "not run: target lost: the server exited"));
        Conformance.Reporting.Markdown.MarkdownSummary.Render(report, "emulator").ShouldContain("3 scenarios: 1 passed, 0 failed, 0 unsupported, 0 not applicable, 2 not run");
    }

    [Fact]
    public void A_line_that_is_not_json_is_reported_with_its_number() =>
        Should.Throw<System.Text.Json.JsonException>(() => RunReportReader.Read(["{\"meta\":{}}", "[1]"])).Message.ShouldContain("line 2");
}
