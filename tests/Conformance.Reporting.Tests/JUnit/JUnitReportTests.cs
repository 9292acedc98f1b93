using System.Xml.Linq;
using Conformance.Reporting.JUnit;
using Conformance.Reporting.Model;
using Conformance.Reporting.Tests.Model;

namespace Conformance.Reporting.Tests.JUnit;

public sealed class JUnitReportTests
{
    [Fact]
    public async Task Each_scenario_is_a_test_case_and_a_failure_carries_its_message()
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync("""
            Feature: Sample <&>
              Scenario: passes
                Given a passing step
              Scenario: fails
                Then it fails with "expected <1> & got 2"
            """));

        var xml = XDocument.Parse(JUnitReport.Render(report));

        var suite = xml.Root!.Element("testsuite")!;
        suite.Attribute("name")!.Value.ShouldBe("Sample <&>");
        suite.Attribute("tests")!.Value.ShouldBe("2");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        var failure = suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "fails").Element("failure")!;
        failure.Attribute("message")!.Value.ShouldBe("expected <1> & got 2");
    }

    [Fact]
    public void A_divergence_a_baseline_accepts_is_skipped_with_its_reason_and_the_others_still_fail()
    {
        var report = Conformance.Reporting.Tests.Baselines.BaselineTests.Run(("known", "FAILED", "Wrong.\n  observed: 200"), ("new", "FAILED", "Broke."));

        var xml = XDocument.Parse(JUnitReport.Render(report, known: new Dictionary<string, string> { ["features/a.feature: known"] = "serverless-offline has no resource policies" }));

        xml.Root!.Attribute("failures")!.Value.ShouldBe("1");
        var cases = xml.Root.Element("testsuite")!.Elements("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        cases["known"].Element("skipped")!.Attribute("message")!.Value.ShouldBe("known divergence: serverless-offline has no resource policies");
        cases["known"].Element("failure").ShouldBeNull();
        cases["new"].Element("failure").ShouldNotBeNull();
    }
}
