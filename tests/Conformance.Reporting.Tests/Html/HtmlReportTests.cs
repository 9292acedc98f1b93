using Conformance.Reporting.Html;
using Conformance.Reporting.Model;
using Conformance.Reporting.Tests.Model;

namespace Conformance.Reporting.Tests.Html;

public sealed class HtmlReportTests
{
    [Fact]
    public async Task Shows_features_scenarios_statuses_failure_messages_and_links()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: Sample
              See https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html

              Scenario: fails
                Then it fails with "expected 5 but was 4"
            """));

        var html = HtmlReport.Render(report);

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<h2>Sample</h2>");
        html.ShouldContain("<a href=\"https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html\">");
        html.ShouldContain("data-status=\"FAILED\"");
        html.ShouldContain("<pre class=\"message\">expected 5 but was 4</pre>");
        html.ShouldNotContain("<link"); // self-contained: no external files
    }

    [Fact]
    public async Task Escapes_markup_from_scenarios_and_failure_messages()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: <b>bold</b>
              Scenario: <script>alert(1)</script>
                Then it fails with "<img src=x onerror=alert(2)>"
            """));

        var html = HtmlReport.Render(report);

        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<b>bold");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&lt;img src=x onerror=alert(2)&gt;");
    }

    [Fact]
    public async Task Draws_the_invocation_timeline_with_the_gaps_between_attempts()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: Retries
              Scenario: three attempts
                Given a timeline of attempts at "0, 60, 180" is attached
            """));

        report.Scenarios.Single().Timeline.Select(p => p.Seconds).ShouldBe([0, 60, 180]);
        var html = HtmlReport.Render(report);

        html.ShouldContain("<svg class=\"timeline\"");
        System.Text.RegularExpressions.Regex.Matches(html, "<circle class=\"attempt\"").Count.ShouldBe(3);
        html.ShouldContain(">+1 min</text>");
        html.ShouldContain(">+2 min</text>");
        html.ShouldContain("&lt;b&gt;1&lt;/b&gt;"); // events are shown as text
        html.ShouldNotContain("<b>1</b>");
    }

    [Fact]
    public async Task A_failed_check_shows_expected_and_observed_side_by_side_with_the_difference_marked()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: F
              Scenario: s
                Then it expects "{<a>:201}" but observes "{<a>:200}"
            """));

        var html = HtmlReport.Render(report);

        html.ShouldContain("<div class=\"expected\"><h4>expected</h4><code>{&lt;a&gt;:20<mark>1</mark>}</code></div>");
        html.ShouldContain("<div class=\"observed\"><h4>observed</h4><code>{&lt;a&gt;:20<mark>0</mark>}</code></div>");
    }

    [Fact]
    public void Each_attempt_shows_its_event_and_response_pretty_printed_and_collapsed()
    {
        var scenario = new ScenarioReport("s", 3, [], "PASSED", [])
        {
            Timeline = [new TimelinePoint(0, "Succeeded", "r1", "{\"order\":7,\"note\":\"<b>x</b>\"}") { Response = "{\"ok\":true}" }],
        };
        var html = HtmlReport.Render(new RunReport([new FeatureReport("f.feature", "F", "", [], [scenario])], [], true));

        html.ShouldContain("<details><summary>event</summary><pre>{\n  &quot;order&quot;: 7,\n  &quot;note&quot;: &quot;&lt;b&gt;x&lt;/b&gt;&quot;\n}</pre></details>");
        html.ShouldContain("<details><summary>response</summary><pre>{\n  &quot;ok&quot;: true\n}</pre></details>");
    }
}
