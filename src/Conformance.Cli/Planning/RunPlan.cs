using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Steps.Definitions;
using Conformance.Steps.Drivers;

namespace Conformance.Cli.Planning;

/// <summary>One step of a scenario: its text, and whether it acts (a When step) rather than sets up or checks.</summary>
internal readonly record struct PlannedStep(string Text, bool Acts);

/// <summary>
/// One selected scenario: where it is, whether it would run (or why not), how long it waits, what it
/// creates, how many steps it has and how many of them act on the target.
/// </summary>
internal sealed record PlannedScenario(string Location, string Name, string? SkipReason, TimeSpan Waits, IReadOnlyDictionary<string, int> Resources,
    int Steps, int Actions)
{
    public bool Runs => SkipReason is null;

    /// <summary>Its expected wall time on the target: the Lambda time it lets pass, plus setting up what it creates.</summary>
    public TimeSpan Expected(TargetCosts costs) => Waits + costs.SetUp(Resources);
}

/// <summary>
/// What a run would do on a target, worked out without touching it: from the scenarios' tags and the
/// target's declared capabilities (<see cref="CapabilityHooks.SkipReason"/>, the rule the run itself
/// applies), the time each lets pass, and the resources its steps create.
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(string target, int parallelism, IReadOnlyList<PlannedScenario> scenarios, TargetCosts costs)
    {
        Target = target;
        Parallelism = parallelism;
        Scenarios = scenarios;
        Costs = costs;
    }

    public string Target { get; }

    public int Parallelism { get; }

    public IReadOnlyList<PlannedScenario> Scenarios { get; }

    public TargetCosts Costs { get; }

    public static RunPlan Make(string target, TargetCapabilities capabilities, int parallelism, TimeSpan maxWait,
        IEnumerable<(string Location, string Name, IReadOnlyList<string> Tags, IReadOnlyList<PlannedStep> Steps)> scenarios) =>
        new(target, parallelism, [.. scenarios.Select(s => Plan(s.Location, s.Name, s.Tags, s.Steps, target, capabilities, maxWait))], TargetCosts.For(target));

    private static PlannedScenario Plan(string location, string name, IReadOnlyList<string> tags, IReadOnlyList<PlannedStep> steps,
        string target, TargetCapabilities capabilities, TimeSpan maxWait)
    {
        var texts = steps.Select(s => s.Text).ToList();
        var waits = LambdaTime.Of(texts);
        return new PlannedScenario(location, name, CapabilityHooks.SkipReason(tags, waits, target, capabilities, maxWait), waits, ResourceTally.Of(texts),
            steps.Count, steps.Count(s => s.Acts && LambdaTime.Passes(s.Text) == TimeSpan.Zero));
    }

    public IEnumerable<PlannedScenario> Running => Scenarios.Where(s => s.Runs);

    public int Count(string prefix) => Scenarios.Count(s => s.SkipReason?.StartsWith(prefix, StringComparison.Ordinal) == true);

    public int Unsupported => Count(ScenarioResult.UnsupportedPrefix);

    public int NotApplicable => Count(ScenarioResult.NotApplicablePrefix);

    public IReadOnlyDictionary<string, int> Resources =>
        ResourceTally.Kinds.ToDictionary(k => k, k => Running.Sum(s => s.Resources[k]), StringComparer.Ordinal);

    /// <summary>
    /// The wall time of the scenarios that run, <see cref="Parallelism"/> at a time, the longest first
    /// (as the run orders them): each goes to the slot that frees up first.
    /// </summary>
    public TimeSpan WallTime()
    {
        var slots = new PriorityQueue<int, TimeSpan>();
        for (var i = 0; i < Parallelism; i++) slots.Enqueue(i, TimeSpan.Zero);
        var end = TimeSpan.Zero;
        foreach (var scenario in Running.Select(s => s.Expected(Costs)).OrderDescending())
        {
            slots.TryDequeue(out var slot, out var free);
            var done = free + scenario;
            if (done > end) end = done;
            slots.Enqueue(slot, done);
        }
        return end;
    }

    public int Requests() => Running.Sum(s => Costs.Requests(s));

    public int Invocations() => Running.Sum(s => Costs.Invocations(s));
}
