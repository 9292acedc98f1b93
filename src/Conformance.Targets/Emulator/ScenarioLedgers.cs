using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Observation;

namespace Conformance.Targets.Emulator;

/// <summary>
/// What the probe reported of a scenario's functions on the emulator: one <see cref="ProbeLedger"/> per
/// function, filled by the observation sink as invocations start and end.
/// </summary>
internal sealed class ScenarioLedgers(ServerlessService service, Func<string, string> reportedName) : IObservationListener
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ProbeLedger> ledgers = new(StringComparer.Ordinal);

    public void Add(FunctionSpec spec)
    {
        lock (gate) ledgers[spec.Name] = new ProbeLedger(spec);
    }

    public void Remove(string function)
    {
        lock (gate) ledgers.Remove(function);
    }

    /// <summary>Gives the ledger the function's new behaviour, for its next invocation; false for an unknown function.</summary>
    public bool Update(FunctionSpec spec)
    {
        lock (gate)
        {
            if (!ledgers.TryGetValue(spec.Name, out var ledger)) return false;
            ledger.Spec = spec;
            return true;
        }
    }

    public IReadOnlyList<InvocationRecord> Records(string function)
    {
        lock (gate) return ledgers.GetValueOrDefault(function)?.Records() ?? [];
    }

    public JsonObject Started(ProbeProtocol.Started started)
    {
        lock (gate)
        {
            var ledger = ledgers.Values.First(l => reportedName(l.Spec.Name) == started.FunctionName);
            var attempt = ledger.Start(started with { FunctionName = ledger.Spec.Name, Event = WithScenarioNames(started.Event) });
            return new JsonObject { ["attempt"] = attempt, ["behaviour"] = ProbeProtocol.BehaviourJson(ledger.Spec.Behaviour) };
        }
    }

    public void Ended(ProbeProtocol.Ended ended)
    {
        lock (gate) ledgers.Values.FirstOrDefault(l => reportedName(l.Spec.Name) == ended.FunctionName)?.End(ended);
    }

    private string WithScenarioNames(string observed) => service.WithScenarioNames(observed);
}
