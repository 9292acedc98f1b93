namespace Conformance.Cli.Commands;

/// <summary>
/// <c>--shard i/n</c>: a deterministic share of the selected scenarios for CI runner i of n. Scenarios are
/// taken in a fixed order (by feature path and line) and dealt out greedily to the shard with the least
/// expected time so far. Without recorded durations every scenario counts as equally long; with them
/// (<see cref="ScenarioDurations"/>), a scenario that was not in the earlier run counts as the average.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses "i/n" (1 ≤ i ≤ n); null and a message for anything else.</summary>
    public static (Shard? Shard, string? Problem) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 1 && index <= count)
            return (new Shard(index, count), null);
        return (null, $"--shard: '{text}' is not i/n with 1 <= i <= n (e.g. 1/2).");
    }

    /// <summary>The keys (uri:line) of the scenarios this shard runs.</summary>
    public IReadOnlySet<string> Select(IEnumerable<string> keys, IReadOnlyDictionary<string, double>? expectedSeconds = null)
    {
        var unknown = expectedSeconds is { Count: > 0 } ? expectedSeconds.Values.Average() : 1;
        double Expected(string key) => expectedSeconds?.GetValueOrDefault(key, unknown) ?? 1;
        var load = new double[Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        var ordered = keys.Distinct().OrderByDescending(Expected).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in ordered)
        {
            var lightest = Array.IndexOf(load, load.Min());
            load[lightest] += Expected(key);
            if (lightest == Index - 1) mine.Add(key);
        }
        return mine;
    }
}

/// <summary>How long each scenario took in an earlier run (its messages.ndjson), by feature path and line, the key <c>--shard</c> deals out.</summary>
public static class ScenarioDurations
{
    /// <summary>Seconds per <c>uri:line</c>; throws <see cref="InvalidDataException"/> naming the file when it cannot be read.</summary>
    public static IReadOnlyDictionary<string, double> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such file (give an earlier run's messages.ndjson).");
        return Conformance.Reporting.Model.RunReportReader.Read(path).Features
            .SelectMany(feature => feature.Scenarios.Where(s => s.Seconds is not null).Select(s => (Key: $"{feature.Uri}:{s.Line}", Seconds: s.Seconds!.Value)))
            .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Seconds);
    }
}
