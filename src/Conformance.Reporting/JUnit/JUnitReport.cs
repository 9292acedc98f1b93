using System.Xml.Linq;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.JUnit;

/// <summary>
/// JUnit XML for CI systems: a test suite per feature and a test case per scenario; a failed scenario
/// carries its failing step's message; an unsupported scenario (a gap, counted against the target) is a
/// failure of type UNSUPPORTED with the reason; a scenario not applicable to the target, or not run, is
/// skipped with the reason.
/// </summary>
public static class JUnitReport
{
    public static string Render(RunReport report, string name = "lambda-conformance")
    {
        var suites = report.Features.Select(feature => new XElement("testsuite",
            new XAttribute("name", feature.Name),
            new XAttribute("tests", feature.Scenarios.Count),
            new XAttribute("failures", feature.Scenarios.Count(s => s.IsDivergence)),
            new XAttribute("skipped", feature.Scenarios.Count(Skipped)),
            feature.Scenarios.Select(scenario => Case(feature, scenario))));
        var root = new XElement("testsuites",
            new XAttribute("name", name),
            new XAttribute("tests", report.Scenarios.Count()),
            new XAttribute("failures", report.Scenarios.Count(s => s.IsDivergence)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString() + "\n";
    }

    private static XElement Case(FeatureReport feature, ScenarioReport scenario)
    {
        var element = new XElement("testcase", new XAttribute("classname", feature.Uri), new XAttribute("name", scenario.Name));
        var problem = scenario.Problem;
        if (scenario.IsDivergence)
            element.Add(new XElement("failure", new XAttribute("type", scenario.Status), new XAttribute("message", problem?.Message ?? scenario.Status),
                $"{problem?.Text}\n{problem?.Message}"));
        else if (Skipped(scenario))
            element.Add(new XElement("skipped", new XAttribute("message", problem?.Message ?? "not run")));
        return element;
    }

    private static bool Skipped(ScenarioReport scenario) => scenario.Status is Outcomes.NotApplicable or Outcomes.NotRun;
}
