using Conformance.Engine.Functions;

namespace Conformance.Engine.Invocation;

/// <summary>
/// Counts the executions in flight on the virtual clock (each occupies its function from its start
/// for its duration) and refuses a new one beyond the limits of https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html: a function with reserved
/// concurrency is capped by it (0 throttles everything); the others share the account's concurrency
/// minus every reservation.
/// </summary>
internal sealed class ConcurrencyLimiter(EngineSettings settings, Func<IEnumerable<LambdaFunction>> allFunctions)
{
    public const string ReservedLimit = "ReservedFunctionConcurrentInvocationLimitExceeded";
    public const string AccountLimit = "ConcurrentInvocationLimitExceeded";

    private readonly PriorityQueue<(LambdaFunction Function, bool Unreserved), DateTimeOffset> running = new();
    private readonly Dictionary<LambdaFunction, int> perFunction = [];
    private int unreservedInFlight;

    /// <summary>Starts an execution of <paramref name="duration"/> now, or returns the throttle reason.</summary>
    public string? TryStart(LambdaFunction function, DateTimeOffset now, TimeSpan duration)
    {
        Release(now);
        var reason = Check(function);
        if (reason is not null) return reason;
        perFunction[function] = perFunction.GetValueOrDefault(function) + 1;
        var unreserved = function.ReservedConcurrency is null;
        if (unreserved) unreservedInFlight++;
        running.Enqueue((function, unreserved), now + duration);
        return null;
    }

    /// <summary>The throttle reason a new execution would meet now, without starting one.</summary>
    public string? Check(LambdaFunction function)
    {
        if (function.ReservedConcurrency is int reserved)
            return perFunction.GetValueOrDefault(function) >= reserved ? ReservedLimit : null;
        return unreservedInFlight >= UnreservedPool() ? AccountLimit : null;
    }

    public int InFlight(LambdaFunction function, DateTimeOffset now)
    {
        Release(now);
        return perFunction.GetValueOrDefault(function);
    }

    public int UnreservedPool() => settings.AccountConcurrency - allFunctions().Sum(f => f.ReservedConcurrency ?? 0);

    private void Release(DateTimeOffset now)
    {
        while (running.TryPeek(out var execution, out var endsAt) && endsAt <= now)
        {
            running.Dequeue();
            perFunction[execution.Function]--;
            if (execution.Unreserved) unreservedInFlight--;
        }
    }
}
