using System.Text.RegularExpressions;

namespace Conformance.Steps.Drivers;

/// <summary>
/// How much Lambda time a scenario lets pass: the sum of its "N seconds/minutes/hours/days pass"
/// steps. On virtual time that costs nothing; on a real target it is how long the scenario waits.
/// </summary>
public static partial class LambdaTime
{
    /// <summary>The default of <c>--max-wait</c>: scenarios letting more pass need virtual time (<c>@needs:virtual-time</c>).</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMinutes(15);

    public static TimeSpan Of(IEnumerable<string> stepTexts) =>
        stepTexts.Select(Passes).Aggregate(TimeSpan.Zero, (sum, passes) => sum + passes);

    /// <summary>
    /// How long a scenario can be expected to take on a real target, to start the longest first: its
    /// Lambda time, and the run time of each function it names ("runs for 28 seconds": at least one
    /// invocation waits that long).
    /// </summary>
    public static TimeSpan Expected(IEnumerable<string> stepTexts)
    {
        var texts = stepTexts.ToList();
        return Of(texts) + texts.SelectMany(t => RunsFor().Matches(t))
            .Aggregate(TimeSpan.Zero, (sum, match) => sum + TimeSpan.FromSeconds(int.Parse(match.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The time one step lets pass (zero for any other step).</summary>
    public static TimeSpan Passes(string stepText)
    {
        var match = PassesStep().Match(stepText.Trim());
        if (!match.Success) return TimeSpan.Zero;
        var count = int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "second" => TimeSpan.FromSeconds(count),
            "minute" => TimeSpan.FromMinutes(count),
            "hour" => TimeSpan.FromHours(count),
            _ => TimeSpan.FromDays(count),
        };
    }

    /// <summary>"5 minutes" rather than "00:05:00".</summary>
    public static string Describe(TimeSpan time) => time switch
    {
        { TotalDays: >= 1 } when time.TotalDays % 1 == 0 => Plural(time.TotalDays, "day"),
        { TotalHours: >= 1 } when time.TotalHours % 1 == 0 => Plural(time.TotalHours, "hour"),
        { TotalMinutes: >= 1 } when time.TotalMinutes % 1 == 0 => Plural(time.TotalMinutes, "minute"),
        { TotalMinutes: >= 1 } => $"{time.TotalMinutes:0.#} minutes",
        _ => Plural(time.TotalSeconds, "second"),
    };

    private static string Plural(double count, string unit) => count == 1 ? $"1 {unit}" : $"{count:0.###} {unit}s";

    // The function steps of FunctionSteps that give a run time.
    [GeneratedRegex(@"\bruns? for (?<seconds>\d+) seconds?\b")]
    private static partial Regex RunsFor();

    // Mirrors the step definitions of TimeAndLedgerSteps.
    [GeneratedRegex(@"^(?<count>\d+) (?<unit>second|minute|hour|day)s? pass(es)?$")]
    private static partial Regex PassesStep();
}

/// <summary>
/// How much Lambda time a scenario may let pass on a real target (<c>--max-wait</c>): a scenario that
/// needs more is not applicable there. Registered by the host; the default when it is not.
/// </summary>
public sealed class WaitLimit
{
    public TimeSpan MaxWait { get; init; } = LambdaTime.DefaultMaxWait;
}
