namespace Conformance.Core.Functions;

/// <summary>
/// What the probe function does when invoked, declared as data so that every target can run it: the
/// reference engine interprets it in process, real targets hand it to the deployed probe.
/// Attempts are counted per function, across all its invocations, starting at 1.
/// </summary>
public sealed record FunctionBehaviour
{
    /// <summary>The JSON the function returns when it succeeds; <c>null</c> (the JSON literal) by default.</summary>
    public string ResponseJson { get; init; } = "null";

    /// <summary>The first this many invocations fail with <see cref="Error"/>; then the function succeeds.</summary>
    public int FailingInvocations { get; init; }

    /// <summary>The error thrown by failing invocations.</summary>
    public FunctionErrorSpec Error { get; init; } = new("Error", "boom");

    /// <summary>How long each invocation runs; longer than the function's timeout means it times out.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// For batch events: when set, the function answers with a partial batch response naming every record
    /// whose body (SQS) or data (Kinesis) contains this text, by message id or sequence number.
    /// </summary>
    public string? FailItemsContaining { get; init; }

    /// <summary>Lines the function writes to its log (returned in the log tail of a synchronous call).</summary>
    public IReadOnlyList<string> LogLines { get; init; } = [];

    public static FunctionBehaviour Returning(string responseJson) => new() { ResponseJson = responseJson };

    public static FunctionBehaviour AlwaysFailing(string errorType, string errorMessage) =>
        new() { FailingInvocations = int.MaxValue, Error = new FunctionErrorSpec(errorType, errorMessage) };

    public bool FailsOnInvocation(int invocationNumber) => invocationNumber <= FailingInvocations;
}

/// <summary>The type and message of an error a function throws.</summary>
public sealed record FunctionErrorSpec(string Type, string Message);
