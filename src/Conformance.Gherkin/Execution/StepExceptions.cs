namespace Conformance.Gherkin.Execution;

/// <summary>Thrown by a step that is not implemented yet: the step is reported PENDING.</summary>
public sealed class PendingStepException(string message = "TODO: implement me") : Exception(message);

/// <summary>Thrown by a step or hook to skip the rest of the scenario: reported SKIPPED.</summary>
public sealed class SkippedStepException(string message = "skipped") : Exception(message);

/// <summary>What a running scenario knows about itself; bindings may ask for it in their constructor.</summary>
public sealed record ScenarioInfo(string FeatureName, string Name, string Uri, IReadOnlyList<string> Tags);
