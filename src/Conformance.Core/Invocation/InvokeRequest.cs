namespace Conformance.Core.Invocation;

/// <summary>The three values of the <c>X-Amz-Invocation-Type</c> header.</summary>
public enum InvocationType
{
    RequestResponse,
    Event,
    DryRun,
}

/// <summary>
/// An <c>Invoke</c> call: function name (or ARN, or name:qualifier), invocation type and raw payload;
/// <see cref="Qualifier"/> is the <c>Qualifier</c> query parameter, <see cref="TailLog"/> the
/// <c>X-Amz-Log-Type: Tail</c> header.
/// </summary>
public sealed record InvokeRequest(string FunctionName, InvocationType Type, string Payload)
{
    public string? Qualifier { get; init; }

    public bool TailLog { get; init; }
}

/// <summary>
/// The HTTP answer to an <c>Invoke</c> call. For a function error the status is still 200, with
/// <see cref="FunctionError"/> set and the error document as the payload; an invocation error
/// (rejected request) has a 4xx/5xx status and <see cref="ErrorType"/>.
/// </summary>
public sealed record InvokeResponse(int StatusCode, string RequestId, string? Payload)
{
    /// <summary>The <c>X-Amz-Function-Error</c> header, e.g. <c>Unhandled</c>.</summary>
    public string? FunctionError { get; init; }

    /// <summary>The <c>X-Amz-Executed-Version</c> header.</summary>
    public string? ExecutedVersion { get; init; }

    /// <summary>The <c>X-Amz-Log-Result</c> header: the last 4 KB of the log, base64.</summary>
    public string? LogResult { get; init; }

    /// <summary>For a rejected request, the error type, e.g. <c>ResourceNotFoundException</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>For a throttled request, the <c>Reason</c> field, e.g. <c>ReservedFunctionConcurrentInvocationLimitExceeded</c>.</summary>
    public string? ThrottleReason { get; init; }
}
