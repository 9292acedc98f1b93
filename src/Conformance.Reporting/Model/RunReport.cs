namespace Conformance.Reporting.Model;

/// <summary>A run as reports show it: features, their scenarios and the steps' results.</summary>
public sealed record RunReport(IReadOnlyList<FeatureReport> Features, IReadOnlyList<string> ParseErrors, bool? Success)
{
    public IEnumerable<ScenarioReport> Scenarios => Features.SelectMany(f => f.Scenarios);

    public int Count(string status) => Scenarios.Count(s => s.Status == status);
}

public sealed record FeatureReport(string Uri, string Name, string Description, IReadOnlyList<string> Tags, IReadOnlyList<ScenarioReport> Scenarios);

/// <summary>A scenario (pickle); <see cref="Status"/> is <c>NOT RUN</c> when the run did not execute it.</summary>
public sealed record ScenarioReport(string Name, long Line, IReadOnlyList<string> Tags, string Status, IReadOnlyList<StepReport> Steps)
{
    /// <summary>True when the scenario fails the run: anything but passed, skipped (not applicable) or not run.</summary>
    public bool IsFailure => Status is not ("PASSED" or "SKIPPED" or RunReportReader.NotRun);

    /// <summary>How long the scenario took, from its test case's start to its finish (null when it did not run to the end).</summary>
    public double? Seconds { get; init; }

    /// <summary>The invocations the scenario observed, when its steps attached a timeline.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; init; } = [];
}

/// <summary>One invocation on a scenario's timeline: seconds since the first, outcome, request id, event and (when it ended) the response.</summary>
public sealed record TimelinePoint(double Seconds, string Outcome, string RequestId, string Event)
{
    public string? Response { get; init; }
}

public sealed record StepReport(string Text, string Status, string? Message);
