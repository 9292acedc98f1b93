using Conformance.Reporting.Model;

namespace Conformance.Reporting.Baselines;

public enum BaselineVerdict
{
    /// <summary>Passed, and not in the baseline.</summary>
    Passed,

    /// <summary>A divergence the baseline accepts, with the same outcome and evidence.</summary>
    Known,

    /// <summary>A change for the worse: a divergence the baseline does not list, or one whose outcome or evidence changed.</summary>
    New,

    /// <summary>An accepted divergence that now passes: progress; the baseline should be updated.</summary>
    Fixed,

    /// <summary>Neither: not applicable or not run.</summary>
    Other,
}

/// <summary>A scenario of the run against the baseline: its verdict, the accepted entry, and what the run showed.</summary>
public sealed record ScenarioVerdict(string Feature, string Scenario, BaselineVerdict Verdict, BaselineEntry? Accepted, string Outcome, string Observed)
{
    public string Key => $"{Feature}: {Scenario}";
}

/// <summary>Compares a run with a baseline, scenario by scenario.</summary>
public static class BaselineComparison
{
    public static IReadOnlyList<ScenarioVerdict> Compare(RunReport report, Baseline baseline)
    {
        var accepted = baseline.Entries.ToDictionary(e => e.Key);
        var verdicts = new List<ScenarioVerdict>();
        foreach (var feature in report.Features)
        {
            foreach (var scenario in feature.Scenarios)
            {
                var entry = accepted.GetValueOrDefault($"{feature.Uri}: {scenario.Name}");
                var outcome = scenario.Status == Outcomes.Unsupported ? Baseline.Unsupported : scenario.IsFailure ? Baseline.Failed : scenario.Status.ToLowerInvariant();
                var observed = scenario.IsDivergence ? ObservedValue.Normalize(scenario.Problem?.Message) : "";
                var verdict = scenario.IsDivergence
                    ? entry is not null && entry.Outcome == outcome && (entry.Match == BaselineEntry.ByOutcome || ObservedValue.Normalize(entry.Observed) == observed) ? BaselineVerdict.Known : BaselineVerdict.New
                    : scenario.Status == Outcomes.Passed ? (entry is null ? BaselineVerdict.Passed : BaselineVerdict.Fixed) : BaselineVerdict.Other;
                verdicts.Add(new ScenarioVerdict(feature.Uri, scenario.Name, verdict, entry, outcome, observed));
            }
        }
        return verdicts;
    }

    /// <summary>Each divergence's and each fixed scenario's mark by <c>feature: scenario</c>: known, new or fixed (for the HTML page and the matrix).</summary>
    public static IReadOnlyDictionary<string, string> Marks(IEnumerable<ScenarioVerdict> verdicts) =>
        verdicts.Where(v => v.Verdict is BaselineVerdict.Known or BaselineVerdict.New or BaselineVerdict.Fixed)
            .ToDictionary(v => v.Key, v => v.Verdict.ToString().ToLowerInvariant());

    /// <summary>The entries naming a scenario the corpus no longer has.</summary>
    public static IReadOnlyList<BaselineEntry> Stale(Baseline baseline, IEnumerable<(string Feature, string Scenario)> corpus)
    {
        var present = corpus.Select(c => $"{c.Feature}: {c.Scenario}").ToHashSet(StringComparer.Ordinal);
        return [.. baseline.Entries.Where(e => !present.Contains(e.Key))];
    }
}
