using System.Runtime.CompilerServices;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Gherkin.Tests.Execution;

/// <summary>A context object shared by the binding classes of one scenario.</summary>
public sealed class Journal : IDisposable
{
    public static readonly List<string> Disposed = [];
    public List<string> Entries { get; } = [];
    public void Dispose() { lock (Disposed) Disposed.Add(string.Join(",", Entries)); }
}

[Binding]
public sealed class ArgumentSteps(Journal journal)
{
    [Given("a basket with {int} apples named {string}")]
    public void Basket(int apples, string name) => journal.Entries.Add($"{apples}:{name}");

    [Given("a price of {float} on {word}")]
    public void Price(double price, string day) => journal.Entries.Add($"{price}@{day}");

    [Given("this document:")]
    public void Document(string text) => journal.Entries.Add($"doc:{text}");

    [Given("this table:")]
    public void Table(DataTable table) => journal.Entries.Add("table:" + string.Join("|", table.Records.Select(r => r["name"])));

    [Given(@"^a regex step with (\d+) and (.*)$")]
    public void Regex(int number, string rest) => journal.Entries.Add($"regex:{number}:{rest}");

    [When("an async step runs")]
    public async Task AsyncStep()
    {
        await Task.Yield();
        journal.Entries.Add("async");
    }
}

[Binding]
public sealed class OutcomeSteps(Journal journal)
{
    [Given("a passing step")]
    public void Passing() => journal.Entries.Add("pass");

    [When("a step fails")]
    public void Failing() => throw new InvalidOperationException("it broke");

    [When("a step is pending")]
    public void Pending() => throw new PendingStepException();

    [When("a step skips")]
    public void Skips() => throw new SkippedStepException("not here");

    [Then("a later step")]
    public void Later() => journal.Entries.Add("later");

    [Then("the journal holds {string}")]
    public void JournalHolds(string expected) => string.Join(",", journal.Entries).ShouldBe(expected);

    [Given("an ambiguous step")]
    public void AmbiguousOne() { }

    [Given("an {word} step")]
    public void AmbiguousTwo(string word) { }

    [AfterScenario]
    public void After() => journal.Entries.Add("after-hook");

    [BeforeScenario("@tagged")]
    public void BeforeTagged() => journal.Entries.Add("tagged-hook");
}

[Binding]
public sealed class BrokenBindings
{
    [Given("a duplicate")]
    public void One() { }

    [Given("a duplicate")]
    public void Two() { }

    [Given("an optional ({int})")]
    public void BadExpression(int value) { }

    [Given("two params {int}")]
    public void TooManyParameters(int a, int b, int c) { }

    [BeforeScenario("@a and")]
    public void BadHook() { }
}

/// <summary>
/// A meeting point for scenarios of one run: the step completes only once the given number of scenarios
/// have reached it, so it passes only when they really run at the same time (no timing involved).
/// </summary>
[Binding]
public sealed class RendezvousSteps
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (StrongBox<int> Arrived, TaskCompletionSource All)> Points = new();

    [When("{int} scenarios meet at {string}")]
    public async Task Meet(int participants, string point)
    {
        var (arrived, all) = Points.GetOrAdd(point, _ => (new StrongBox<int>(0), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        if (Interlocked.Increment(ref arrived.Value) == participants) all.TrySetResult();
        // A run that never brings the others along fails here instead of hanging the test run.
        await all.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
