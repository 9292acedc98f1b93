using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Invokes the scenario's function, remembers the last answer, and checks it.</summary>
public sealed class InvocationDriver(ITarget target, FunctionDriver function)
{
    private InvokeResponse? last;

    public InvokeResponse LastResponse => last ?? throw new InvalidOperationException("No invocation was made before this step.");

    public async Task InvokeAsync(InvocationType type, string payload, string? functionName = null) =>
        last = await target.InvokeAsync(new InvokeRequest(functionName ?? function.Name, type, payload));

    public void ExpectStatus(int status)
    {
        if (LastResponse.StatusCode != status)
            throw new ExpectationFailedException("The invoke response has another status code.", $"{status}", Describe(LastResponse));
    }

    public void ExpectFunctionError(string? header)
    {
        if (LastResponse.FunctionError != header)
            throw new ExpectationFailedException("The X-Amz-Function-Error header differs.",
                header ?? "(absent)", LastResponse.FunctionError ?? "(absent)");
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

    private static string Describe(InvokeResponse response) =>
        $"{response.StatusCode}{(response.ErrorType is null ? "" : " " + response.ErrorType)}" +
        $"{(response.FunctionError is null ? "" : $" (X-Amz-Function-Error: {response.FunctionError})")} {Json.Compact(response.Payload)}";
}
