using Conformance.Core.Observation;

namespace Conformance.Engine.Invocation;

/// <summary>Every invocation the engine made, in the order it made them.</summary>
internal sealed class InvocationLedger
{
    private readonly List<InvocationRecord> records = [];

    public void Add(InvocationRecord record) => records.Add(record);

    public IReadOnlyList<InvocationRecord> For(string functionName) =>
        records.Where(r => r.FunctionName == functionName).ToList();
}
