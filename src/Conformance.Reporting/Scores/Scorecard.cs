using Conformance.Reporting.Matrix;

namespace Conformance.Reporting.Scores;

/// <summary>How one target did in one feature area (or in all): the count of each outcome and the score.</summary>
public sealed record AreaScore(string Area, int Passed, int Failed, int Unsupported, int NotApplicable, int NotRun)
{
    public int Total => Passed + Failed + Unsupported + NotApplicable + NotRun;

    /// <summary>passed / (passed + failed + unsupported); null when the target ran none of those.</summary>
    public double? Score => Passed + Failed + Unsupported == 0 ? null : (double)Passed / (Passed + Failed + Unsupported);

    public static AreaScore Of(string area, IReadOnlyCollection<MatrixCell> cells)
    {
        int Count(string outcome) => cells.Count(c => c.Outcome == outcome);
        return new(area, Count(MatrixCell.Passed), Count(MatrixCell.Failed), Count(MatrixCell.Unsupported), Count(MatrixCell.NotApplicable), Count(MatrixCell.NotRun));
    }
}

/// <summary>One target's scores: in all, and per feature area (the folder of its feature files, e.g. <c>pull/sqs</c>).</summary>
public sealed record TargetScores(string Target, AreaScore Overall, IReadOnlyList<AreaScore> Areas);

/// <summary>A divergence: a scenario the target failed or lacked the feature for, with the evidence (the step and its message) and its cause.</summary>
public sealed record Divergence(string Feature, string Scenario, string Outcome, string? Evidence, string? Cause = null);

/// <summary>The divergences one cause accounts for, most first.</summary>
public sealed record CauseGroup(string Cause, string Outcome, IReadOnlyList<Divergence> Divergences);

/// <summary>What an emulator maintainer reads first, from the conformance matrix: scores per target and area, then the divergences by feature.</summary>
public static class Scorecard
{
    public static IReadOnlyList<TargetScores> Build(ConformanceMatrix matrix) =>
        [.. matrix.Targets.Select((target, t) => new TargetScores(target, AreaScore.Of("all", [.. matrix.Rows.Select(r => r.Cells[t])]),
            [.. matrix.Features.GroupBy(f => Area(f.Uri)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => AreaScore.Of(g.Key, [.. g.SelectMany(f => f.Rows).Select(r => r.Cells[t])]))]))];

    /// <summary>The failed and unsupported scenarios of target number <paramref name="target"/>, in the matrix's order.</summary>
    public static IReadOnlyList<Divergence> Divergences(ConformanceMatrix matrix, int target) =>
        [.. matrix.Features.SelectMany(f => f.Rows.Where(r => r.Cells[target].Outcome is MatrixCell.Failed or MatrixCell.Unsupported)
            .Select(r => new Divergence(f.Name, r.Scenario, r.Cells[target].Outcome, r.Cells[target].Detail, r.Cells[target].Cause)))];

    /// <summary>
    /// The divergences grouped by cause, the largest group first: how many distinct problems the target
    /// has. A reading aid; the score counts scenarios as before.
    /// </summary>
    public static IReadOnlyList<CauseGroup> ByCause(IReadOnlyList<Divergence> divergences) =>
        [.. divergences.GroupBy(d => (d.Outcome, Cause: d.Cause ?? "(no evidence)"))
            .Select(g => new CauseGroup(g.Key.Cause, g.Key.Outcome, [.. g]))
            .OrderByDescending(g => g.Divergences.Count).ThenBy(g => g.Outcome, StringComparer.Ordinal).ThenBy(g => g.Cause, StringComparer.Ordinal)];

    /// <summary>A feature's area: its folder below <c>features/</c> (<c>features/pull/sqs/batching.feature</c> is <c>pull/sqs</c>).</summary>
    public static string Area(string uri)
    {
        var path = uri.Replace('\\', '/');
        if (path.StartsWith("features/", StringComparison.Ordinal)) path = path["features/".Length..];
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "(top level)" : path[..slash];
    }
}
