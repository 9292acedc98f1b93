namespace Conformance.Cli.Commands;

/// <summary>
/// <c>--shard i/n</c>: a deterministic share of the selected scenarios for CI runner i of n. Scenarios are
/// taken in a fixed order (by feature path and line) and dealt out greedily to the shard with the least
/// expected time so far; every scenario counts as equally long until recorded durations are given.
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
        var load = new double[Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        var ordered = keys.Distinct().OrderByDescending(k => expectedSeconds?.GetValueOrDefault(k, 1) ?? 1).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in ordered)
        {
            var lightest = Array.IndexOf(load, load.Min());
            load[lightest] += expectedSeconds?.GetValueOrDefault(key, 1) ?? 1;
            if (lightest == Index - 1) mine.Add(key);
        }
        return mine;
    }
}
