using Conformance.Core.Observation;

namespace Conformance.Engine.Invocation;

/// <summary>Every invocation the engine made, in the order it made them, indexed by function.</summary>
internal sealed class InvocationLedger
{
    private readonly Dictionary<string, List<InvocationRecord>> byFunction = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(InvocationRecord record)
    {
        if (!byFunction.TryGetValue(record.FunctionName, out var list)) byFunction[record.FunctionName] = list = [];
        list.Add(record);
        Count++;
    }

    public IReadOnlyList<InvocationRecord> For(string functionName) =>
        byFunction.TryGetValue(functionName, out var list) ? list.ToList() : [];
}
