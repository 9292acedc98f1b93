using System.Text;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Invokes the scenario's function, remembers the answers, and checks them.</summary>
public sealed class InvocationDriver(ITarget target, FunctionDriver function)
{
    private readonly List<InvokeResponse> responses = [];

    public InvokeResponse LastResponse => responses.Count > 0 ? responses[^1] : throw new InvalidOperationException("No invocation was made before this step.");

    public IReadOnlyList<InvokeResponse> Responses => responses;

    public async Task InvokeAsync(InvocationType type, string payload, string? functionName = null, string? qualifier = null, bool tailLog = false) =>
        responses.Add(await target.InvokeAsync(new InvokeRequest(functionName ?? function.Name, type, payload) { Qualifier = qualifier, TailLog = tailLog }));

    /// <summary>Invokes <paramref name="count"/> times without letting time pass in between.</summary>
    public async Task InvokeManyAsync(InvocationType type, int count)
    {
        for (var i = 0; i < count; i++) await InvokeAsync(type, "{}");
    }

    /// <summary>A JSON string payload of exactly <paramref name="bytes"/> bytes.</summary>
    public static string PayloadOfSize(int bytes) => "\"" + new string('x', bytes - 2) + "\"";

    public void ExpectStatus(int status)
    {
        if (LastResponse.StatusCode != status)
            throw new ExpectationFailedException("The invoke response has another status code.", $"{status}", Describe(LastResponse));
    }

    public void ExpectFunctionError(string? header)
    {
        if (LastResponse.FunctionError != header)
            throw new ExpectationFailedException("The X-Amz-Function-Error header differs.", header ?? "(absent)", LastResponse.FunctionError ?? "(absent)");
    }

    public void ExpectExecutedVersion(string version)
    {
        if (LastResponse.ExecutedVersion != version)
            throw new ExpectationFailedException("The X-Amz-Executed-Version header differs.", version, LastResponse.ExecutedVersion ?? "(absent)");
    }

    public void ExpectPayload(string json)
    {
        if (!Json.SameValue(json, LastResponse.Payload))
            throw new ExpectationFailedException("The response payload differs.", Json.Compact(json), Json.Compact(LastResponse.Payload));
    }

    public void ExpectNoPayload()
    {
        if (!string.IsNullOrEmpty(LastResponse.Payload))
            throw new ExpectationFailedException("The response has a payload.", "(no payload)", Json.Compact(LastResponse.Payload));
    }

    /// <summary>Checks a field of the JSON payload, e.g. <c>errorType</c> of the error document.</summary>
    public void ExpectPayloadField(string field, string value, bool contains = false)
    {
        var actual = Json.ParseOrNull(LastResponse.Payload)?[field]?.ToString();
        var holds = actual is not null && (contains ? actual.Contains(value, StringComparison.Ordinal) : actual == value);
        if (!holds)
            throw new ExpectationFailedException($"The payload's \"{field}\" differs.",
                contains ? $"containing \"{value}\"" : $"\"{value}\"", actual is null ? "(absent)" : $"\"{actual}\"");
    }

    public void ExpectRejection(int status, string errorType)
    {
        if (LastResponse.StatusCode != status || LastResponse.ErrorType != errorType)
            throw new ExpectationFailedException("The invocation was not rejected as expected.", $"{status} {errorType}", Describe(LastResponse));
    }

    public void ExpectThrottled(string reason)
    {
        if (LastResponse.StatusCode != 429 || LastResponse.ThrottleReason != reason)
            throw new ExpectationFailedException("The invocation was not throttled as expected.", $"429 TooManyRequestsException ({reason})", Describe(LastResponse));
    }

    public void ExpectOutcomes(int succeeded, int throttled)
    {
        var ok = responses.Count(r => r.StatusCode == 200);
        var refused = responses.Count(r => r.StatusCode == 429);
        if (ok != succeeded || refused != throttled)
            throw new ExpectationFailedException("The invocations ended otherwise.", $"{succeeded} answered 200, {throttled} throttled",
                string.Join("; ", responses.Select(Describe)));
    }

    public string LogTail()
    {
        var tail = LastResponse.LogResult ?? throw new ExpectationFailedException("The response has no log tail.", "an X-Amz-Log-Result header", "(absent)");
        return Encoding.UTF8.GetString(Convert.FromBase64String(tail));
    }

    public void ExpectLogTailContaining(string text)
    {
        var log = LogTail();
        if (!log.Contains(text.Replace("<request id>", LastResponse.RequestId), StringComparison.Ordinal))
            throw new ExpectationFailedException("The log tail does not contain the text.", text, log.Length > 300 ? "…" + log[^300..] : log);
    }

    public void ExpectLogTailAtMost(int bytes)
    {
        var length = Convert.FromBase64String(LastResponse.LogResult ?? "").Length;
        if (length > bytes) throw new ExpectationFailedException("The log tail is too long.", $"at most {bytes} bytes", $"{length} bytes");
    }

    public void ExpectNoLogTail()
    {
        if (LastResponse.LogResult is not null)
            throw new ExpectationFailedException("The response has a log tail.", "no X-Amz-Log-Result header", "a log tail");
    }

    private static string Describe(InvokeResponse response) =>
        $"{response.StatusCode}{(response.ErrorType is null ? "" : " " + response.ErrorType)}{(response.ThrottleReason is null ? "" : $" ({response.ThrottleReason})")}" +
        $"{(response.FunctionError is null ? "" : $" (X-Amz-Function-Error: {response.FunctionError})")} {Json.Compact(response.Payload)}";
}
