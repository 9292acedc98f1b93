namespace Conformance.Targets;

/// <summary>
/// A target that cannot run here or stopped answering (missing tool, failed install, unreachable
/// endpoint, missing credentials). The message says what is missing; the CLI exits with code 3.
/// </summary>
public sealed class TargetUnavailableException(string message) : Exception(message);
