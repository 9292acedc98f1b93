using Conformance.Core.Invocation;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The check that a control-plane call was refused as Lambda refuses it. Each way of differing is its
/// own finding, named first in the message (the cause the reports group by): accepted where Lambda refuses; refused with another error; refused with no error type
/// at all (a target whose configuration is checked at start); failed while applying it (neither answer);
/// refused with Lambda's error but other words.
/// </summary>
internal static class Rejection
{
    public static void Expect(ApiResult? result, string what, string errorType, string? messagePart = null, bool wholeMessage = false)
    {
        var expected = messagePart is null ? errorType : wholeMessage ? $"{errorType}: {messagePart}" : $"{errorType}: …{messagePart}…";
        var problem = result switch
        {
            null => $"No {what} was attempted before this step.",
            { Succeeded: true } => $"Accepted where Lambda refuses it: the {what}.",
            { StatusCode: ApiResult.NoStatus } => $"Refused, as Lambda refuses it, but with no status and no error type: the {what}.",
            { StatusCode: ApiResult.FailedToApply } => $"Neither accepted nor refused, the target failed applying it: the {what}.",
            _ when result.ErrorType != errorType => $"Refused, as Lambda refuses it, but with another error: the {what}.",
            _ when messagePart is not null && !Says(result.Message, messagePart, wholeMessage) => $"Refused with Lambda's error, but in other words: the {what}.",
            _ => null,
        };
        if (problem is not null) throw new ExpectationFailedException(problem, expected, result?.ToString() ?? "(nothing)");
    }

    public static void ExpectAccepted(ApiResult? result, string what)
    {
        if (result is null) throw new ExpectationFailedException($"No {what} was attempted before this step.", "accepted", "(nothing)");
        if (!result.Succeeded) throw new ExpectationFailedException($"Refused where Lambda accepts it: the {what}.", "accepted", result.ToString());
    }

    private static bool Says(string? message, string expected, bool whole) =>
        whole ? message == expected : message?.Contains(expected, StringComparison.Ordinal) == true;
}
