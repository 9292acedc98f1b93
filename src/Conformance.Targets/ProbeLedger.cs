using Conformance.Core.Functions;
using Conformance.Core.Observation;

namespace Conformance.Targets;

/// <summary>
/// One function on a real target: what it was asked to do (<see cref="Spec"/>) and the invocations the
/// probe reported, numbered by attempt. Not thread-safe: the owner locks.
/// </summary>
public sealed class ProbeLedger(FunctionSpec spec)
{
    private readonly SortedDictionary<int, ProbeProtocol.Started> started = [];
    private readonly Dictionary<int, ProbeProtocol.Ended> ended = [];

    public FunctionSpec Spec { get; set; } = spec;

    /// <summary>Records a start counted here (the local sink); returns its attempt number.</summary>
    public int Start(ProbeProtocol.Started invocation)
    {
        var attempt = started.Count + 1;
        started[attempt] = invocation;
        return attempt;
    }

    /// <summary>Records a start whose attempt number the probe counted itself (AWS).</summary>
    public void Start(int attempt, ProbeProtocol.Started invocation) => started[attempt] = invocation;

    public void End(ProbeProtocol.Ended invocation) => ended[invocation.Attempt] = invocation;

    /// <summary>The ledger, by time: an invocation that never reported its end (it timed out) counts as a function error.</summary>
    public IReadOnlyList<InvocationRecord> Records() => [.. started.Select(s =>
    {
        var end = ended.GetValueOrDefault(s.Key);
        return new InvocationRecord(s.Value.At, Spec.Name, s.Value.RequestId, s.Value.Event,
            end?.Outcome ?? InvocationOutcome.FunctionError, end?.Response) { ExecutedVersion = s.Value.Version };
    }).OrderBy(r => r.At)];
}
