namespace Conformance.Steps.Drivers;

/// <summary>A conformance check that did not hold: what the specification expects and what the target did.</summary>
public sealed class ExpectationFailedException(string what, string expected, string observed)
    : Exception($"{what}\n  expected: {expected}\n  observed: {observed}")
{
    public string Expected { get; } = expected;
    public string Observed { get; } = observed;
}
