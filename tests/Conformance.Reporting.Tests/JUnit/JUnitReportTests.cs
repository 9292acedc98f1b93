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
}
