using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Messages;

/// <summary>Receives the run's Cucumber Messages in the order they happen. Implementations are thread-safe.</summary>
public interface IMessageSink
{
    void Publish(Envelope envelope);
}

/// <summary>Keeps every envelope in memory, e.g. for a report written at the end of the run.</summary>
public sealed class MessageCollector : IMessageSink
{
    private readonly List<Envelope> envelopes = [];

    public IReadOnlyList<Envelope> Envelopes
    {
        get { lock (envelopes) return envelopes.ToList(); }
    }

    public void Publish(Envelope envelope)
    {
        lock (envelopes) envelopes.Add(envelope);
    }
}

/// <summary>Sends each envelope to several sinks.</summary>
public sealed class FanOutSink(params IMessageSink[] sinks) : IMessageSink
{
    public void Publish(Envelope envelope)
    {
        foreach (var sink in sinks) sink.Publish(envelope);
    }
}
