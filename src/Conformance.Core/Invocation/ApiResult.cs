namespace Conformance.Core.Invocation;

/// <summary>
/// The answer to a control-plane call: success, or an error with the status, type and message the
/// target gave. A target without a control-plane API (its configuration is a file it checks at start)
/// refuses with <see cref="NoStatus"/> and no error type: nothing is made up on its behalf.
/// </summary>
public sealed record ApiResult(int StatusCode, string? ErrorType = null, string? Message = null)
{
    /// <summary>The status of a refusal that came with none (a configuration check, not an API answer).</summary>
    public const int NoStatus = 0;

    /// <summary>The status of a change the target neither accepted nor refused: it failed while applying it (a process that crashed on start).</summary>
    public const int FailedToApply = -1;

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>A refusal in the target's own words, with no HTTP status and no error type.</summary>
    public static ApiResult RefusedWithoutCode(string words) => new(NoStatus, null, words);

    /// <summary>A change the target failed on, in the target's own words (neither an acceptance nor a refusal).</summary>
    public static ApiResult Failed(string words) => new(FailedToApply, null, words);

    public static ApiResult Ok { get; } = new(200);

    public static ApiResult InvalidParameter(string message) => new(400, "InvalidParameterValueException", message);

    public static ApiResult NotFound(string message) => new(404, "ResourceNotFoundException", message);

    public override string ToString() =>
        Succeeded ? $"{StatusCode}"
        : StatusCode == NoStatus ? $"refused with no status and no error type: {Message}"
        : StatusCode == FailedToApply ? $"neither accepted nor refused: the target failed applying it: {Message}"
        : $"{StatusCode} {ErrorType ?? "(no error type)"}: {Message}";
}
