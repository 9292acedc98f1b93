using Conformance.Core.Resources;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// A scenario's EventBridge destinations on AWS or LocalStack: each is a bus of the scenario whose one
/// rule forwards every event from source <c>lambda</c> to a queue that only that rule may send to, which
/// the kit reads. Every bus (with its rule) is deleted when the scenario ends; the queue goes with the
/// scenario's other resources.
/// </summary>
internal sealed class EventBusDestinations(AwsRun run, Func<string, string> physical, ScenarioResources resources) : IAsyncDisposable
{
    private readonly List<string> buses = [];
    private readonly Dictionary<string, Arn> observers = new(StringComparer.Ordinal); // bus ARN → its observation queue

    /// <summary>Creates the bus, its rule and its queue; the bus's ARN.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken cancellation)
    {
        var bus = physical(name);
        var (created, busArn) = await run.Events.CreateEventBusAsync(bus, run.Settings.RunId, cancellation);
        if (!created.Succeeded || busArn is null) throw new InvalidOperationException($"The target refused to create the event bus {name}: {created}");
        buses.Add(bus);
        var rule = bus + "-observed";
        var (ruled, ruleArn) = await run.Events.PutPatternRuleAsync(bus, rule, """{"source":["lambda"]}""", run.Settings.RunId, cancellation);
        if (!ruled.Succeeded || ruleArn is null) throw new InvalidOperationException($"The target refused the rule that observes the bus {name}: {ruled}");
        var queueArn = await resources.CreateObservationQueueAsync(name + "-observed", "events.amazonaws.com", ruleArn, cancellation);
        var targeted = await run.Events.PutTargetAsync(rule, queueArn, cancellation, bus);
        if (!targeted.Succeeded) throw new InvalidOperationException($"The target refused the queue that observes the bus {name}: {targeted}");
        if (!Arn.TryParse(queueArn, out var queue)) throw new InvalidOperationException($"The target named the queue that observes the bus {name} '{queueArn}', which is no ARN.");
        observers[busArn] = queue;
        return busArn;
    }

    /// <summary>The queue that receives what reaches the bus, or null for a bus this scenario did not create.</summary>
    public Arn? ObserverOf(string busArn) => observers.TryGetValue(busArn, out var queue) ? queue : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var bus in buses) await Quietly.Run(() => run.Events.DeleteEventBusAsync(bus, CancellationToken.None));
    }
}
