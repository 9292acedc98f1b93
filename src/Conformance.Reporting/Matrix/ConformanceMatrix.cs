using Conformance.Reporting.Model;

namespace Conformance.Reporting.Matrix;

/// <summary>What one target did with one scenario: passed, failed, unsupported or not applicable (with the reason), or not run.</summary>
public sealed record MatrixCell(string Outcome, string? Detail)
{
    /// <summary>Against the target's baseline: <c>known</c>, <c>new</c> or <c>fixed</c>; null without one.</summary>
    public string? Baseline { get; init; }

    /// <summary>For a divergence, what went wrong without its particulars (<see cref="Scores.Causes"/>): the key that groups divergences of one cause.</summary>
    public string? Cause { get; init; }

    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Unsupported = "unsupported";
    public const string NotApplicable = "n/a";
    public const string NotRun = "not run";

    /// <summary>Every outcome, in the order the totals show them.</summary>
    public static IReadOnlyList<string> All { get; } = [Passed, Failed, Unsupported, NotApplicable, NotRun];

    public static MatrixCell Of(ScenarioReport? scenario)
    {
        if (scenario is null) return new MatrixCell(NotRun, "not in this target's run");
        var problem = scenario.Problem;
        return scenario.Status switch
        {
            Outcomes.Passed => new MatrixCell(Passed, null),
            Outcomes.Unsupported => new MatrixCell(Unsupported, problem?.Message) { Cause = Scores.Causes.Of(problem?.Message) },
            Outcomes.NotApplicable => new MatrixCell(NotApplicable, problem?.Message),
            Outcomes.NotRun => new MatrixCell(NotRun, scenario.Steps.FirstOrDefault()?.Message),
            _ => new MatrixCell(Failed, problem is null ? null : $"{problem.Text}: {problem.Message}") { Cause = Scores.Causes.Of(problem?.Message) },
        };
    }
}

public sealed record MatrixRow(string Scenario, IReadOnlyList<MatrixCell> Cells);

public sealed record MatrixFeature(string Uri, string Name, IReadOnlyList<MatrixRow> Rows);

/// <summary>
/// Scenario × target: the runs of several targets side by side, scenarios matched by feature file and
/// line, grouped by feature, with totals per target and per feature.
/// </summary>
public sealed record ConformanceMatrix(IReadOnlyList<string> Targets, IReadOnlyList<MatrixFeature> Features)
{
    /// <param name="runs">Each target's run.</param>
    /// <param name="marks">Per target, the baseline's mark of each divergence by <c>feature: scenario</c> (known, new, fixed).</param>
    public static ConformanceMatrix Build(IReadOnlyList<(string Target, RunReport Run)> runs, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? marks = null)
    {
        var lookups = runs.Select(r => r.Run.Features
            .SelectMany(f => f.Scenarios.Select(s => (Key: Key(f.Uri, s), Scenario: s)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Scenario)).ToList();
        // Features and scenarios in the order of the first run that has them.
        var features = new List<MatrixFeature>();
        foreach (var feature in runs.SelectMany(r => r.Run.Features).GroupBy(f => f.Uri).Select(g => g.First()))
        {
            var scenarios = runs.SelectMany(r => r.Run.Features.Where(f => f.Uri == feature.Uri)).SelectMany(f => f.Scenarios)
                .GroupBy(s => Key(feature.Uri, s)).Select(g => g.First()).OrderBy(s => s.Line);
            var rows = scenarios.Select(s => new MatrixRow(s.Name, [.. lookups.Select((l, t) => MatrixCell.Of(l.GetValueOrDefault(Key(feature.Uri, s))) with
            {
                Baseline = marks?.GetValueOrDefault(runs[t].Target)?.GetValueOrDefault($"{feature.Uri}: {s.Name}"),
            })])).ToList();
            features.Add(new MatrixFeature(feature.Uri, feature.Name, rows));
        }
        return new ConformanceMatrix([.. runs.Select(r => r.Target)], features);
    }

    private static string Key(string uri, ScenarioReport scenario) => $"{uri}:{scenario.Line}:{scenario.Name}";

    public IEnumerable<MatrixRow> Rows => Features.SelectMany(f => f.Rows);

    /// <summary>How many scenarios of <paramref name="rows"/> had <paramref name="outcome"/> on target number <paramref name="target"/>.</summary>
    public static int Count(IEnumerable<MatrixRow> rows, int target, string outcome) => rows.Count(r => r.Cells[target].Outcome == outcome);
}
