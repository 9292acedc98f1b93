using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Observation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Checks of what the scenario's function answered, read from the invocation ledger: for a team's own
/// function, the contract it keeps with Lambda (its responses, its partial batch responses).
/// </summary>
public sealed class ResponseDriver(ITarget target, FunctionDriver function, ObservationWindow window)
{
    private async Task<IReadOnlyList<InvocationRecord>> InvocationsAsync() => await target.GetInvocationsAsync(function.Name);

    /// <summary>Every invocation ended without a function error (and there was at least one), to the end of the observation window.</summary>
    public Task ExpectAllSucceededAsync() => window.SettledAsync(async () =>
    {
        var invocations = await InvocationsAsync();
        if (invocations.Count == 0) throw new ExpectationFailedException("The function was not invoked.", "at least one invocation", "none");
        if (invocations.FirstOrDefault(i => i.Outcome != InvocationOutcome.Succeeded) is { } failed)
            throw new ExpectationFailedException($"Invocation {Position(invocations, failed)} of {invocations.Count} failed.", "no function error", Json.Compact(failed.Response));
    });

    /// <summary>Invocation <paramref name="index"/> (from 1) returned <paramref name="expectedJson"/>, compared as JSON values.</summary>
    public Task ExpectReturnedAsync(int index, string expectedJson) => window.EventuallyAsync(async () =>
    {
        var invocation = await NthAsync(index);
        if (invocation.Outcome != InvocationOutcome.Succeeded)
            throw new ExpectationFailedException($"Invocation {index} failed.", Json.Compact(expectedJson), $"function error {Json.Compact(invocation.Response)}");
        if (!Json.SameValue(invocation.Response, expectedJson))
            throw new ExpectationFailedException($"Invocation {index} returned something else.", Json.Compact(expectedJson), Json.Compact(invocation.Response));
    });

    /// <summary>Invocation <paramref name="index"/> failed with the error type <paramref name="errorType"/>.</summary>
    public Task ExpectFailedWithAsync(int index, string errorType) => window.EventuallyAsync(async () =>
    {
        var invocation = await NthAsync(index);
        var actual = invocation.Outcome == InvocationOutcome.FunctionError ? Json.ParseOrNull(invocation.Response)?["errorType"]?.ToString() : null;
        if (actual != errorType)
            throw new ExpectationFailedException($"Invocation {index} did not fail with {errorType}.", $"function error {errorType}",
                invocation.Outcome == InvocationOutcome.FunctionError ? $"function error {Json.Compact(invocation.Response)}" : $"success {Json.Compact(invocation.Response)}");
    });

    /// <summary>
    /// The partial batch response to batch <paramref name="index"/> named exactly the items
    /// <paramref name="items"/> (SQS bodies, Kinesis data), by their message ids or sequence numbers. An
    /// identifier that is not in the batch (a wrong id) is shown as it was sent.
    /// </summary>
    public Task ExpectReportedFailuresAsync(int index, string items) => window.EventuallyAsync(async () =>
    {
        var invocation = await NthAsync(index);
        var byId = (Json.ParseOrNull(invocation.Event)?["Records"]?.AsArray() ?? []).Where(r => r is not null)
            .ToDictionary(r => Identifier(r!) ?? "", r => Item(r!), StringComparer.Ordinal);
        if (invocation.Outcome != InvocationOutcome.Succeeded)
            throw new ExpectationFailedException($"Batch {index} failed as a whole: the function raised an error.", items, $"function error {Json.Compact(invocation.Response)}");
        var named = (Json.ParseOrNull(invocation.Response)?["batchItemFailures"] as JsonArray ?? []).Select(f => f?["itemIdentifier"]?.ToString() ?? "(no itemIdentifier)")
            .Select(id => byId.TryGetValue(id, out var item) ? item : $"\"{id}\" (not an id in the batch)").ToList();
        var actual = string.Join(", ", named);
        if (actual != items)
            throw new ExpectationFailedException($"The response to batch {index} named other items as failed.", items,
                $"{(actual.Length == 0 ? "(none)" : actual)}; the response: {Json.Compact(invocation.Response)}");
    });

    private async Task<InvocationRecord> NthAsync(int index)
    {
        var invocations = await InvocationsAsync();
        if (index < 1 || index > invocations.Count)
            throw new ExpectationFailedException($"There is no invocation {index}.", $"at least {index} invocations", $"{invocations.Count}");
        return invocations[index - 1];
    }

    private static int Position(IReadOnlyList<InvocationRecord> invocations, InvocationRecord record) => invocations.ToList().IndexOf(record) + 1;

    private static string? Identifier(JsonNode record) =>
        record["messageId"]?.ToString() ?? record["kinesis"]?["sequenceNumber"]?.ToString() ?? record["dynamodb"]?["SequenceNumber"]?.ToString();

    private static string Item(JsonNode record) =>
        record["body"]?.ToString()
        ?? (record["kinesis"]?["data"]?.ToString() is { } data ? Encoding.UTF8.GetString(Convert.FromBase64String(data)) : record["dynamodb"]?.ToJsonString() ?? "?");
}
