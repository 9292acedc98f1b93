namespace Conformance.Cli;

/// <summary>The process exit codes of <c>conformance</c>.</summary>
public static class ExitCodes
{
    public const int AllPassed = 0;
    public const int Failures = 1;
    public const int UsageOrInputError = 2;
    /// <summary>The target cannot run here, or was lost during the run (the reports hold what ran; the rest is "not run").</summary>
    public const int TargetUnavailable = 3;

    /// <summary>The run was interrupted (Ctrl+C); the reports hold what ran. 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
