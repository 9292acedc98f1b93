namespace Conformance.Engine;

/// <summary>
/// Every number the reference engine uses, in one place, with the current AWS value as default, so a
/// scenario or a user can pin another era's semantics. Each value cites lambda-semantics.md.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>Waits before the 2nd and 3rd attempt of a failed async event: 1 minute, then 2 minutes (§4.1).</summary>
    public IReadOnlyList<TimeSpan> AsyncRetryDelays { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary><c>MaximumRetryAttempts</c> default 2, range 0–2 (§4.1).</summary>
    public int DefaultMaximumRetryAttempts { get; init; } = 2;

    /// <summary><c>MaximumEventAgeInSeconds</c> default 21,600, range 60–21,600 (§4.1).</summary>
    public int DefaultMaximumEventAgeInSeconds { get; init; } = 21_600;

    /// <summary>Time between accepting an async event and its first attempt (not documented; immediate here).</summary>
    public TimeSpan AsyncDispatchDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Function timeout range: 1–900 seconds (§2).</summary>
    public int MaximumTimeoutSeconds { get; init; } = 900;

    /// <summary>The <c>errorType</c> of a timed-out invocation; newer runtimes report <c>Sandbox.Timedout</c> (§2, observed).</summary>
    public string TimeoutErrorType { get; init; } = "Sandbox.Timedout";

    /// <summary>The value of <c>X-Amz-Function-Error</c> for thrown errors and timeouts (§2).</summary>
    public string FunctionErrorHeader { get; init; } = "Unhandled";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";
}
