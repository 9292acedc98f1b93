using Conformance.Steps.Drivers;

namespace Conformance.Cli.Planning;

/// <summary>A <see cref="RunPlan"/> as text: each scenario with its verdict, then the totals a run also prints at its start.</summary>
internal static class PlanText
{
    public static void WriteDetail(RunPlan plan, TextWriter output)
    {
        output.WriteLine($"Plan for the {plan.Target} target (nothing was touched):");
        foreach (var group in plan.Scenarios.GroupBy(s => s.SkipReason?.Split(':')[0] ?? "would run"))
        {
            output.WriteLine();
            output.WriteLine($"{group.Key} ({group.Count()}):");
            foreach (var scenario in group)
            {
                var detail = scenario.SkipReason is { } reason
                    ? reason[(reason.IndexOf(':') + 2)..]
                    : $"about {Duration(scenario.Expected(plan.Costs))}; creates {Resources(scenario.Resources)}";
                output.WriteLine($"  {scenario.Location}  {scenario.Name}  ({detail})");
            }
        }
        output.WriteLine();
    }

    /// <summary>The totals: also printed at the start of a run on a real target.</summary>
    public static void WriteSummary(RunPlan plan, TextWriter output)
    {
        var running = plan.Running.Count();
        output.WriteLine($"{plan.Scenarios.Count} scenarios on {plan.Target}: {running} would run, {plan.Unsupported} unsupported, {plan.NotApplicable} not applicable.");
        if (running == 0) return;
        output.WriteLine($"They create {Resources(plan.Resources)}, each removed when its scenario ends.");
        output.WriteLine($"Expected wall time: about {Duration(plan.WallTime())} with {plan.Parallelism} at a time; about {plan.Requests():N0} requests to the target and at least {plan.Invocations():N0} invocations (estimates).");
    }

    private static string Resources(IReadOnlyDictionary<string, int> resources)
    {
        var parts = resources.Where(r => r.Value > 0).Select(r => r.Value == 1 ? $"1 {r.Key}" : $"{r.Value} {Plural(r.Key)}").ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    private static string Plural(string kind) => kind switch
    {
        "API" => "APIs",
        "event source mapping" => "event source mappings",
        "schedule rule" => "schedule rules",
        _ => kind + "s",
    };

    private static string Duration(TimeSpan time) => time < TimeSpan.FromMinutes(1)
        ? LambdaTime.Describe(TimeSpan.FromSeconds(Math.Ceiling(time.TotalSeconds)))
        : LambdaTime.Describe(TimeSpan.FromMinutes(Math.Ceiling(time.TotalMinutes)));
}
