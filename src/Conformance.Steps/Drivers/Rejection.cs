using Conformance.Core.Invocation;

namespace Conformance.Steps.Drivers;

/// <summary>
/// The check that a control-plane call was refused as Lambda refuses it. Each way of differing is its
/// own finding: accepted where Lambda refuses; refused with another error; refused with no error type
/// at all (a target whose configuration is checked at start); refused with Lambda's error but other words.
/// </summary>
internal static class Rejection
{
    public static void Expect(ApiResult? result, string what, string errorType, string? messagePart = null, bool wholeMessage = false)
    {
        var expected = messagePart is null ? errorType : wholeMessage ? $"{errorType}: {messagePart}" : $"{errorType}: …{messagePart}…";
        var problem = result switch
        {
            null => $"No {what} was attempted before this step.",
            { Succeeded: true } => $"The {what} was accepted, where Lambda refuses it.",
            { StatusCode: ApiResult.NoStatus } => $"The {what} was refused, as Lambda refuses it, but with no status and no error type.",
            _ when result.ErrorType != errorType => $"The {what} was refused, as Lambda refuses it, but with another error.",
            _ when messagePart is not null && !Says(result.Message, messagePart, wholeMessage) => $"The {what} was refused with Lambda's error, but in other words.",
            _ => null,
        };
        if (problem is not null) throw new ExpectationFailedException(problem, expected, result?.ToString() ?? "(nothing)");
    }

    public static void ExpectAccepted(ApiResult? result, string what)
    {
        if (result is null) throw new ExpectationFailedException($"No {what} was attempted before this step.", "accepted", "(nothing)");
        if (!result.Succeeded) throw new ExpectationFailedException($"The {what} was refused, where Lambda accepts it.", "accepted", result.ToString());
    }

    private static bool Says(string? message, string expected, bool whole) =>
        whole ? message == expected : message?.Contains(expected, StringComparison.Ordinal) == true;
}
