namespace Conformance.Gherkin.Execution;

/// <summary>
/// Thrown by a step that is not implemented yet: the step is reported PENDING. Given a message, the
/// exception is reported with the result too (as Cucumber does for a thrown pending exception);
/// without one it stands for Cucumber's plain "pending" return value.
/// </summary>
public sealed class PendingStepException : Exception
{
    public PendingStepException() : base("TODO: implement me") { }

    public PendingStepException(string message) : base(message) => Explicit = true;

    internal bool Explicit { get; }
}

/// <summary>
/// Thrown by a step or hook to skip the rest of the scenario: reported SKIPPED. As with
/// <see cref="PendingStepException"/>, a message makes the exception part of the result.
/// </summary>
public sealed class SkippedStepException : Exception
{
    public SkippedStepException() : base("skipped") { }

    public SkippedStepException(string message) : base(message) => Explicit = true;

    internal bool Explicit { get; }
}

/// <summary>What a running scenario knows about itself; bindings may ask for it in their constructor.</summary>
public sealed record ScenarioInfo(string FeatureName, string Name, string Uri, IReadOnlyList<string> Tags)
{
    /// <summary>The texts of the scenario's steps (background included), without keywords, in order.</summary>
    public IReadOnlyList<string> StepTexts { get; init; } = [];
}
