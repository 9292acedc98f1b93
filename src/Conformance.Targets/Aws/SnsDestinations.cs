using Conformance.Core.Resources;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// A scenario's SNS destinations on AWS or LocalStack: each is a topic of the scenario with one raw
/// subscription to a queue that only that topic may send to, which the kit reads. Every topic is deleted
/// when the scenario ends; the queue goes with the scenario's other resources.
/// </summary>
internal sealed class SnsDestinations(AwsRun run, Func<string, string> physical, ScenarioResources resources) : IAsyncDisposable
{
    private readonly Dictionary<string, Arn> observers = new(StringComparer.Ordinal); // topic ARN → its observation queue

    /// <summary>Creates the topic, its queue and the subscription; the topic's ARN.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken cancellation)
    {
        var (created, topicArn) = await run.Sns.CreateTopicAsync(physical(name), run.Settings.RunId, cancellation);
        if (!created.Succeeded || topicArn is null) throw new InvalidOperationException($"The target refused to create the topic {name}: {created}");
        var queueArn = await resources.CreateObservationQueueAsync(name + "-observed", "sns.amazonaws.com", topicArn, cancellation);
        if (!Arn.TryParse(queueArn, out var queue)) throw new InvalidOperationException($"The target named the queue that observes the topic {name} '{queueArn}', which is no ARN.");
        observers[topicArn] = queue;
        var subscribed = await run.Sns.SubscribeQueueAsync(topicArn, queueArn, cancellation);
        if (!subscribed.Succeeded) throw new InvalidOperationException($"The target refused to subscribe the queue that observes the topic {name}: {subscribed}");
        return topicArn;
    }

    /// <summary>The queue that receives what is published to the topic, or null for a topic this scenario did not create.</summary>
    public Arn? ObserverOf(string topicArn) => observers.TryGetValue(topicArn, out var queue) ? queue : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var topic in observers.Keys) await Quietly.Run(() => run.Sns.DeleteTopicAsync(topic, CancellationToken.None));
    }
}
