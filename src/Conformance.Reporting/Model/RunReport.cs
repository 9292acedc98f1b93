namespace Conformance.Reporting.Model;

/// <summary>A run as reports show it: features, their scenarios and the steps' results.</summary>
public sealed record RunReport(IReadOnlyList<FeatureReport> Features, IReadOnlyList<string> ParseErrors, bool? Success)
{
    public IEnumerable<ScenarioReport> Scenarios => Features.SelectMany(f => f.Scenarios);

    public int Count(string status) => Scenarios.Count(s => s.Status == status);
}

/// <summary>
/// The four outcomes of a scenario on a target, plus "not run". A scenario's <see cref="ScenarioReport.Status"/>
/// is <see cref="Passed"/>, one of these, or a Cucumber failure status (FAILED, UNDEFINED, ...).
/// </summary>
public static class Outcomes
{
    public const string Passed = "PASSED";

    /// <summary>The target lacks the Lambda feature the scenario needs: a conformance gap, counted against it.</summary>
    public const string Unsupported = "UNSUPPORTED";

    /// <summary>The scenario cannot be observed on this kind of target at all.</summary>
    public const string NotApplicable = "NOT APPLICABLE";

    /// <summary>The run stopped before the scenario (its target was lost).</summary>
    public const string NotRun = "NOT RUN";

    /// <summary>
    /// How the message of a skipped step says why (the runner's convention: Conformance.Gherkin's
    /// <c>ScenarioResult.UnsupportedPrefix</c>, <c>NotApplicablePrefix</c> and <c>NotRunPrefix</c>).
    /// </summary>
    public const string UnsupportedPrefix = "unsupported: ";
    public const string NotApplicablePrefix = "not applicable: ";
    public const string NotRunPrefix = "not run: ";

    /// <summary>The conformance score: passed / (passed + failed + unsupported); null when none of those.</summary>
    public static double? Score(IEnumerable<ScenarioReport> scenarios)
    {
        var counted = scenarios.Where(s => s.Status is not (NotApplicable or NotRun)).ToList();
        return counted.Count == 0 ? null : (double)counted.Count(s => s.Status == Passed) / counted.Count;
    }

    /// <summary>A score as the reports print it, e.g. "62 %", or "–" when nothing counted.</summary>
    public static string ScoreText(IEnumerable<ScenarioReport> scenarios) => ScoreText(Score(scenarios));

    public static string ScoreText(double? score) => score is { } value ? $"{Math.Floor(value * 100):0} %" : "–";
}

public sealed record FeatureReport(string Uri, string Name, string Description, IReadOnlyList<string> Tags, IReadOnlyList<ScenarioReport> Scenarios);

/// <summary>A scenario (pickle); <see cref="Status"/> is <c>NOT RUN</c> when the run did not execute it.</summary>
public sealed record ScenarioReport(string Name, long Line, IReadOnlyList<string> Tags, string Status, IReadOnlyList<StepReport> Steps)
{
    /// <summary>True when the target did something other than Lambda: anything but passed, unsupported, not applicable or not run.</summary>
    public bool IsFailure => Status is not (Outcomes.Passed or Outcomes.Unsupported or Outcomes.NotApplicable or Outcomes.NotRun);

    /// <summary>True when the target differs from Lambda here: it failed, or it lacks the feature (unsupported).</summary>
    public bool IsDivergence => IsFailure || Status == Outcomes.Unsupported;

    /// <summary>The step or hook that decided the outcome (the first that did not pass), or null when the scenario passed.</summary>
    public StepReport? Problem => Steps.FirstOrDefault(s => s.Status is not ("PASSED" or Outcomes.NotRun) && s.Message is not null)
                                  ?? Steps.FirstOrDefault(s => s.Status is not ("PASSED" or "SKIPPED" or Outcomes.NotRun));

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
