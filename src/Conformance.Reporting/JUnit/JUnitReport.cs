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
    /// <param name="report">The run.</param>
    /// <param name="name">The suites' name.</param>
    /// <param name="known">Divergences a baseline accepts, by <c>feature: scenario</c>, with the reason: shown as skipped, so CI stays green for them.</param>
    public static string Render(RunReport report, string name = "lambda-conformance", IReadOnlyDictionary<string, string>? known = null)
    {
        known ??= new Dictionary<string, string>();
        bool Known(FeatureReport feature, ScenarioReport scenario) => scenario.IsDivergence && known.ContainsKey($"{feature.Uri}: {scenario.Name}");
        var suites = report.Features.Select(feature => new XElement("testsuite",
            new XAttribute("name", feature.Name),
            new XAttribute("tests", feature.Scenarios.Count),
            new XAttribute("failures", feature.Scenarios.Count(s => s.IsDivergence && !Known(feature, s))),
            new XAttribute("skipped", feature.Scenarios.Count(s => Skipped(s) || Known(feature, s))),
            feature.Scenarios.Select(scenario => Case(feature, scenario, known.GetValueOrDefault($"{feature.Uri}: {scenario.Name}")))));
        var root = new XElement("testsuites",
            new XAttribute("name", name),
            new XAttribute("tests", report.Scenarios.Count()),
            new XAttribute("failures", report.Features.Sum(f => f.Scenarios.Count(s => s.IsDivergence && !Known(f, s)))),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString() + "\n";
    }

    private static XElement Case(FeatureReport feature, ScenarioReport scenario, string? knownReason)
    {
        var element = new XElement("testcase", new XAttribute("classname", feature.Uri), new XAttribute("name", scenario.Name));
        var problem = scenario.Problem;
        if (scenario.IsDivergence && knownReason is not null)
            element.Add(new XElement("skipped", new XAttribute("message", $"known divergence: {knownReason}"), problem?.Message));
        else if (scenario.IsDivergence)
            element.Add(new XElement("failure", new XAttribute("type", scenario.Status), new XAttribute("message", problem?.Message ?? scenario.Status),
                $"{problem?.Text}\n{problem?.Message}"));
        else if (Skipped(scenario))
            element.Add(new XElement("skipped", new XAttribute("message", problem?.Message ?? "not run")));
        return element;
    }

    private static bool Skipped(ScenarioReport scenario) => scenario.Status is Outcomes.NotApplicable or Outcomes.NotRun;
}
