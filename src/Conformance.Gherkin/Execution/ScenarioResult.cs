using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>The result of one step or hook of a scenario.</summary>
public sealed record StepOutcome(string Text, TestStepResultStatus Status, string? Message, string? Snippet = null);

/// <summary>The result of one scenario, as the command line and the test bridge show it.</summary>
public sealed record ScenarioResult(TestCasePlan Plan, TestStepResultStatus Status, IReadOnlyList<StepOutcome> Steps)
{
    /// <summary>
    /// How the first step of a scenario that was not run begins (see <see cref="RunOptions.StopReason"/>);
    /// the reports read the message stream by it, so it is part of the stream's meaning.
    /// </summary>
    public const string NotRunPrefix = "not run: ";

    /// <summary>
    /// How the message of a step begins when the system under test does not support what the step asks
    /// (it threw <see cref="NotSupportedException"/>): SKIPPED, and distinct from "not applicable".
    /// </summary>
    public const string UnsupportedPrefix = "unsupported: ";

    /// <summary>How the message of a skip begins when the scenario cannot be observed on the system under test at all.</summary>
    public const string NotApplicablePrefix = "not applicable: ";

    public bool Passed => Status == TestStepResultStatus.PASSED;

    /// <summary>True when the run stopped before this scenario (its steps are SKIPPED, the first with the reason).</summary>
    public bool NotRun => Status == TestStepResultStatus.SKIPPED && Steps.FirstOrDefault()?.Message?.StartsWith(NotRunPrefix, StringComparison.Ordinal) == true;

    /// <summary>True when the system under test lacks what the scenario needs (a step or hook was skipped as unsupported).</summary>
    public bool Unsupported => Status == TestStepResultStatus.SKIPPED && !NotRun && SkipMessage?.StartsWith(UnsupportedPrefix, StringComparison.Ordinal) == true;

    /// <summary>True when the scenario was skipped for any other reason than <see cref="NotRun"/> or <see cref="Unsupported"/>.</summary>
    public bool NotApplicable => Status == TestStepResultStatus.SKIPPED && !NotRun && !Unsupported;

    private string? SkipMessage => Steps.FirstOrDefault(s => s.Status == TestStepResultStatus.SKIPPED && s.Message is not null)?.Message;

    /// <summary>True when the scenario fails the run: a step failed, was undefined, ambiguous or pending (a skip does not).</summary>
    public bool Failed => Status is not (TestStepResultStatus.PASSED or TestStepResultStatus.SKIPPED);

    /// <summary>A readable account of what went wrong, or null when the scenario passed.</summary>
    public string? Problem
    {
        get
        {
            var first = Steps.FirstOrDefault(s => s.Status is not (TestStepResultStatus.PASSED or TestStepResultStatus.SKIPPED))
                ?? Steps.FirstOrDefault(s => s.Status != TestStepResultStatus.PASSED);
            if (first is null) return null;
            var text = $"{first.Status} {first.Text}";
            if (first.Message is not null) text += $"\n{first.Message}";
            if (first.Snippet is not null) text += $"\nYou can implement it with:\n{first.Snippet}";
            return text;
        }
    }

    /// <summary>Cucumber's ordering: the worst status of the steps is the scenario's.</summary>
    public static TestStepResultStatus Worst(IEnumerable<TestStepResultStatus> statuses) =>
        statuses.DefaultIfEmpty(TestStepResultStatus.PASSED).MaxBy(Severity);

    private static int Severity(TestStepResultStatus status) => status switch
    {
        TestStepResultStatus.PASSED => 1,
        TestStepResultStatus.SKIPPED => 2,
        TestStepResultStatus.PENDING => 3,
        TestStepResultStatus.UNDEFINED => 4,
        TestStepResultStatus.AMBIGUOUS => 5,
        TestStepResultStatus.FAILED => 6,
        _ => 0,
    };
}
