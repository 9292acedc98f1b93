using System.Text;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Invokes the scenario's function, remembers the answers, and checks them. Calls made "at once" are
/// sent concurrently and stay in flight while the scenario goes on; a check of the answers waits for
/// them. When the scenario ends, calls still in flight are cancelled.
/// </summary>
public sealed class InvocationDriver(ITarget target, FunctionDriver function, ObservationWindow window) : IAsyncDisposable
{
    private readonly List<Task<InvokeResponse>> calls = [];
    private readonly CancellationTokenSource ended = new();
    private IReadOnlyList<Task<InvokeResponse>> lastGroup = [];

    /// <summary>Every answer so far, in the order the calls were made (waits for calls still in flight).</summary>
    public async Task<IReadOnlyList<InvokeResponse>> ResponsesAsync() => await Task.WhenAll(calls);

    /// <summary>The answer to the last call (waits for it).</summary>
    public async Task<InvokeResponse> LastResponseAsync() =>
        calls.Count > 0 ? await calls[^1] : throw new InvalidOperationException("No invocation was made before this step.");

    public async Task InvokeAsync(InvocationType type, string payload, string? functionName = null, string? qualifier = null, bool tailLog = false)
    {
        var call = Send(new InvokeRequest(functionName ?? function.Name, type, payload) { Qualifier = qualifier, TailLog = tailLog });
        lastGroup = [call];
        await window.WaitingForAsync(type == InvocationType.RequestResponse ? function.RunTime : TimeSpan.Zero, () => call);
        window.Acted();
    }

    /// <summary>
    /// Invokes the function by its ARN as the target gave it: <paramref name="partial"/> leaves out the
    /// partition, service and Region (<c>ACCOUNT:function:NAME</c>); a <paramref name="qualifier"/> is
    /// appended after a colon. The target resolves the name as it is given.
    /// </summary>
    public async Task InvokeByArnAsync(bool partial, string? qualifier = null)
    {
        var arnText = await target.FunctionArnAsync(function.Name) ?? throw new InvalidOperationException($"The target has no ARN for the function {function.Name}.");
        if (!Core.Resources.Arn.TryParse(arnText, out var arn)) throw new InvalidOperationException($"The target named the function by \"{arnText}\", which is not an ARN.");
        var name = (partial ? $"{arn.Account}:{arn.Resource}" : arn.ToString()) + (qualifier is null ? "" : ":" + qualifier);
        await InvokeAsync(InvocationType.RequestResponse, "{}", functionName: name);
    }

    /// <summary>Invokes <paramref name="count"/> times in a row, each call answered before the next (no time passes on virtual time).</summary>
    public async Task InvokeManyAsync(InvocationType type, int count)
    {
        for (var i = 0; i < count; i++) await InvokeAsync(type, "{}");
    }

    /// <summary>
    /// Sends <paramref name="count"/> synchronous calls concurrently (on the reference engine, at one
    /// instant) and returns once each has either been answered or been seen running on the target, so
    /// the next step acts while the executions still run. A call the target never starts nor answers
    /// within the observation window fails the step.
    /// </summary>
    public async Task InvokeAtOnceAsync(int count)
    {
        var before = (await target.GetInvocationsAsync(function.Name)).Count;
        var group = Enumerable.Range(0, count)
            .Select(_ => Send(new InvokeRequest(function.Name, InvocationType.RequestResponse, "{}")))
            .ToList();
        lastGroup = group;
        window.Acted();
        await window.EventuallyAsync(async () =>
        {
            if (group.All(c => c.IsCompleted)) return;
            var refused = group.Count(c => c.IsCompletedSuccessfully && c.Result.StatusCode != 200);
            var running = (await target.GetInvocationsAsync(function.Name)).Count - before;
            if (running < count - refused)
                throw new ExpectationFailedException($"Of {count} calls made at once, not all were answered or seen running.",
                    $"{count - refused} running", $"{running} running, {group.Count(c => c.IsCompleted)} answered");
        });
    }

    private Task<InvokeResponse> Send(InvokeRequest request)
    {
        var call = target.InvokeAsync(request, ended.Token);
        calls.Add(call);
        return call;
    }

    /// <summary>A JSON string payload of exactly <paramref name="bytes"/> bytes.</summary>
    public static string PayloadOfSize(int bytes) => "\"" + new string('x', bytes - 2) + "\"";

    public async Task ExpectStatusAsync(int status)
    {
        var response = await LastResponseAsync();
        if (response.StatusCode != status)
            throw new ExpectationFailedException("The invoke response has another status code.", $"{status}", Describe(response));
    }

    public async Task ExpectFunctionErrorAsync(string? header)
    {
        var response = await LastResponseAsync();
        if (response.FunctionError != header)
            throw new ExpectationFailedException("The X-Amz-Function-Error header differs.", header ?? "(absent)", response.FunctionError ?? "(absent)");
    }

    public async Task ExpectExecutedVersionAsync(string version)
    {
        var response = await LastResponseAsync();
        if (response.ExecutedVersion != version)
            throw new ExpectationFailedException("The X-Amz-Executed-Version header differs.", version, response.ExecutedVersion ?? "(absent)");
    }

    public async Task ExpectPayloadAsync(string json)
    {
        var response = await LastResponseAsync();
        if (!Json.SameValue(json, response.Payload))
            throw new ExpectationFailedException("The response payload differs.", Json.Compact(json), Json.Compact(response.Payload));
    }

    public async Task ExpectNoPayloadAsync()
    {
        var response = await LastResponseAsync();
        if (!string.IsNullOrEmpty(response.Payload))
            throw new ExpectationFailedException("The response has a payload.", "(no payload)", Json.Compact(response.Payload));
    }

    /// <summary>Checks a field of the JSON payload, e.g. <c>errorType</c> of the error document.</summary>
    public async Task ExpectPayloadFieldAsync(string field, string value, bool contains = false)
    {
        var actual = Json.ParseOrNull((await LastResponseAsync()).Payload)?[field]?.ToString();
        var holds = actual is not null && (contains ? actual.Contains(value, StringComparison.Ordinal) : actual == value);
        if (!holds)
            throw new ExpectationFailedException($"The payload's \"{field}\" differs.",
                contains ? $"containing \"{value}\"" : $"\"{value}\"", actual is null ? "(absent)" : $"\"{actual}\"");
    }

    public async Task ExpectRejectionAsync(int status, string errorType)
    {
        var response = await LastResponseAsync();
        if (response.StatusCode != status || response.ErrorType != errorType)
            throw new ExpectationFailedException("The invocation was not rejected as expected.", $"{status} {errorType}", Describe(response));
    }

    /// <summary>Of the last call, or of the last calls made at once: each throttled one has <paramref name="reason"/>, and there is one.</summary>
    public async Task ExpectThrottledAsync(string reason)
    {
        var group = await Task.WhenAll(lastGroup);
        var throttled = group.Where(r => r.StatusCode == 429).ToList();
        if (throttled.Count == 0 || throttled.Any(r => r.ThrottleReason != reason))
            throw new ExpectationFailedException(group.Length == 1 ? "The invocation was not throttled as expected." : "The calls made at once were not throttled as expected.",
                $"429 TooManyRequestsException ({reason})", string.Join("; ", group.Select(Describe)));
    }

    public async Task ExpectOutcomesAsync(int succeeded, int throttled)
    {
        var responses = await ResponsesAsync();
        var ok = responses.Count(r => r.StatusCode == 200);
        var refused = responses.Count(r => r.StatusCode == 429);
        if (ok != succeeded || refused != throttled)
            throw new ExpectationFailedException("The invocations ended otherwise.", $"{succeeded} answered 200, {throttled} throttled",
                string.Join("; ", responses.Select(Describe)));
    }

    /// <summary>The status of every call, in the order the calls were made: e.g. <c>200, 429, 200</c>.</summary>
    public async Task ExpectStatusesAsync(string statuses)
    {
        var responses = await ResponsesAsync();
        var actual = string.Join(", ", responses.Select(r => r.StatusCode));
        if (actual != statuses)
            throw new ExpectationFailedException("The calls were answered otherwise.", statuses, string.Join("; ", responses.Select(Describe)));
    }

    public async Task<string> LogTailAsync()
    {
        var tail = (await LastResponseAsync()).LogResult ?? throw new ExpectationFailedException("The response has no log tail.", "an X-Amz-Log-Result header", "(absent)");
        return Encoding.UTF8.GetString(Convert.FromBase64String(tail));
    }

    public async Task ExpectLogTailContainingAsync(string text)
    {
        var log = await LogTailAsync();
        var requestId = (await LastResponseAsync()).RequestId;
        if (!log.Contains(text.Replace("<request id>", requestId), StringComparison.Ordinal))
            throw new ExpectationFailedException("The log tail does not contain the text.", text, log.Length > 300 ? "…" + log[^300..] : log);
    }

    public async Task ExpectLogTailAtMostAsync(int bytes)
    {
        var length = Convert.FromBase64String((await LastResponseAsync()).LogResult ?? "").Length;
        if (length > bytes) throw new ExpectationFailedException("The log tail is too long.", $"at most {bytes} bytes", $"{length} bytes");
    }

    public async Task ExpectNoLogTailAsync()
    {
        if ((await LastResponseAsync()).LogResult is not null)
            throw new ExpectationFailedException("The response has a log tail.", "no X-Amz-Log-Result header", "a log tail");
    }

    /// <summary>Calls still in flight when the scenario ends are cancelled; their outcome no longer matters.</summary>
    public async ValueTask DisposeAsync()
    {
        await ended.CancelAsync();
        foreach (var call in calls)
        {
            try
            {
                await call;
            }
            catch (Exception)
            {
                // A call cut short by the scenario's end, or one whose failure a step already reported.
            }
        }
        ended.Dispose();
    }

    private static string Describe(InvokeResponse response) =>
        $"{response.StatusCode}{(response.ErrorType is null ? "" : " " + response.ErrorType)}{(response.ThrottleReason is null ? "" : $" ({response.ThrottleReason})")}" +
        $"{(response.FunctionError is null ? "" : $" (X-Amz-Function-Error: {response.FunctionError})")} {Json.Compact(response.Payload)}";
}
