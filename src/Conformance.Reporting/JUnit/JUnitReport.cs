using System.Xml.Linq;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.JUnit;

/// <summary>
/// JUnit XML for CI systems: a test suite per feature and a test case per scenario; a failed scenario
/// carries its failing step's message, a scenario not applicable to the target is skipped with the reason.
/// </summary>
public static class JUnitReport
{
    public static string Render(RunReport report, string name = "lambda-conformance")
    {
        var suites = report.Features.Select(feature => new XElement("testsuite",
            new XAttribute("name", feature.Name),
            new XAttribute("tests", feature.Scenarios.Count),
            new XAttribute("failures", feature.Scenarios.Count(s => s.IsFailure)),
            new XAttribute("skipped", feature.Scenarios.Count(s => s.Status is "SKIPPED" or RunReportReader.NotRun)),
            feature.Scenarios.Select(scenario => Case(feature, scenario))));
        var root = new XElement("testsuites",
            new XAttribute("name", name),
            new XAttribute("tests", report.Scenarios.Count()),
            new XAttribute("failures", report.Scenarios.Count(s => s.IsFailure)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString() + "\n";
    }

    private static XElement Case(FeatureReport feature, ScenarioReport scenario)
    {
        var element = new XElement("testcase", new XAttribute("classname", feature.Uri), new XAttribute("name", scenario.Name));
        var problem = scenario.Steps.FirstOrDefault(s => s.Status is not ("PASSED" or RunReportReader.NotRun));
        if (scenario.IsFailure)
            element.Add(new XElement("failure", new XAttribute("type", scenario.Status), new XAttribute("message", problem?.Message ?? scenario.Status),
                $"{problem?.Text}\n{problem?.Message}"));
        else if (scenario.Status is "SKIPPED" or RunReportReader.NotRun)
            element.Add(new XElement("skipped", new XAttribute("message", problem?.Message ?? "not run")));
        return element;
    }
}
