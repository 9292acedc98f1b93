using Conformance.Core.Invocation;
using Conformance.Engine.Invocation;

namespace Conformance.Engine.Pull.Batches;

/// <summary>What became of one batch sent to the function.</summary>
internal enum BatchOutcome
{
    /// <summary>The invocation was refused (throttled, not found): the function never saw the batch.</summary>
    NotDelivered,

    /// <summary>The function returned an error, or its partial batch response was invalid: the whole batch failed.</summary>
    Failed,

    /// <summary>Every record succeeded.</summary>
    Succeeded,

    /// <summary>The function reported some items as failed (<c>ReportBatchItemFailures</c>).</summary>
    PartiallyFailed,
}

/// <summary>The outcome of a batch, the items reported as failed, how long the function ran, and its response.</summary>
internal sealed record BatchResult(BatchOutcome Outcome, IReadOnlyList<string> FailedItems, TimeSpan Duration, InvokeResponse Response);

/// <summary>
/// The sending stage of a mapping: invokes the function synchronously with a batch through the narrow
/// <see cref="IMappingInvoker"/> port and reads what the response means for the batch.
/// </summary>
internal sealed class BatchSender(IMappingInvoker invoker, EngineSettings settings)
{
    /// <param name="functionName">The mapping's function.</param>
    /// <param name="payload">The batch's event, rendered only if something reads it.</param>
    /// <param name="reportedItems">The batch's item identifiers when the mapping has <c>ReportBatchItemFailures</c>; otherwise null.</param>
    public BatchResult Send(string functionName, LazyPayload payload, IReadOnlySet<string>? reportedItems)
    {
        var (response, duration) = invoker.InvokeForMapping(functionName, payload);
        if (response.StatusCode != 200) return new BatchResult(BatchOutcome.NotDelivered, [], duration, response);
        if (response.FunctionError is not null) return new BatchResult(BatchOutcome.Failed, [], duration, response);
        if (reportedItems is null) return new BatchResult(BatchOutcome.Succeeded, [], duration, response);
        return BatchItemFailures.Read(response.Payload, reportedItems, settings) switch
        {
            null => new BatchResult(BatchOutcome.Failed, [], duration, response), // an invalid report fails the whole batch
            { Count: 0 } => new BatchResult(BatchOutcome.Succeeded, [], duration, response),
            var failed => new BatchResult(BatchOutcome.PartiallyFailed, failed, duration, response),
        };
    }
}
