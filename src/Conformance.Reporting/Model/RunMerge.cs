namespace Conformance.Reporting.Model;

/// <summary>
/// Joins the reports of a run's shards (<c>conformance run --shard i/n</c>) into the report of the whole
/// run: each scenario comes from the shard that ran it; features keep the order of the first shard.
/// </summary>
public static class RunMerge
{
    public static RunReport Merge(IReadOnlyList<RunReport> shards)
    {
        var features = new List<FeatureReport>();
        foreach (var uri in shards.SelectMany(s => s.Features).Select(f => f.Uri).Distinct())
        {
            var copies = shards.SelectMany(s => s.Features).Where(f => f.Uri == uri).ToList();
            var scenarios = copies.SelectMany(f => f.Scenarios)
                .GroupBy(s => (s.Line, s.Name))
                .Select(g => g.FirstOrDefault(s => s.Status != RunReportReader.NotRun) ?? g.First())
                .OrderBy(s => s.Line)
                .ToList();
            features.Add(copies[0] with { Scenarios = scenarios });
        }
        var success = shards.All(s => s.Success == true) ? true : shards.Any(s => s.Success == false) ? false : (bool?)null;
        return new RunReport(features, [.. shards.SelectMany(s => s.ParseErrors).Distinct()], success);
    }
}
