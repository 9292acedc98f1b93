using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;

namespace Conformance.Gherkin.Tests.Execution;

/// <summary>Records the order in which hooks and steps ran, per scenario.</summary>
public sealed class Trace
{
    public List<string> Events { get; } = [];
}

[Binding]
public sealed class OrderedHooks(Trace trace)
{
    public static readonly List<string> LastScenario = [];

    [BeforeScenario]
    public void BeforeA() => trace.Events.Add("before-a");

    [BeforeScenario(Order = 1)]
    public void BeforeFirst() => trace.Events.Add("before-first");

    [BeforeScenario]
    public void BeforeB() => trace.Events.Add("before-b");

    [BeforeStep]
    public void BeforeStep() => trace.Events.Add("before-step");

    [AfterStep]
    public void AfterStep() => trace.Events.Add("after-step");

    [Given("a traced step")]
    public void Step() => trace.Events.Add("step");

    [AfterScenario]
    public void AfterA() => trace.Events.Add("after-a");

    [AfterScenario]
    public void AfterB()
    {
        trace.Events.Add("after-b");
        lock (LastScenario)
        {
            LastScenario.Clear();
            LastScenario.AddRange(trace.Events);
        }
    }
}

[Binding]
public sealed class TestRunHooks
{
    public static int BeforeCount;

    [BeforeTestRun]
    public static void Before(Attachments attachments)
    {
        Interlocked.Increment(ref BeforeCount);
        attachments.Log("starting");
    }

    [Given("a step in a run with hooks")]
    public void Step() { }
}

[Binding]
public sealed class InstanceTestRunHook
{
    [BeforeTestRun]
    public void NotStatic() { }
}

[Binding]
public sealed class AttachingSteps(Attachments attachments)
{
    [When("text and bytes are attached")]
    public void Attach()
    {
        attachments.Attach("{\"a\":1}", "application/json");
        attachments.Attach([1, 2, 3], "image/png", "dots.png");
        attachments.Log("a log line");
        attachments.Link("https://docs.aws.amazon.com/lambda/");
    }
}

public sealed record Region(string Name);

[Binding]
public sealed class TransformingSteps
{
    public static Region? Seen;

    [StepArgumentTransformation(@"([a-z]{2}-[a-z]+-\d)", Name = "region")]
    public static Region ToRegion(string name) => new(name);

    [Given("a bucket in {region}")]
    public void Bucket(Region region) => Seen = region;

    [Given(@"^a queue in (.*)$")]
    public void Queue(Region region) => Seen = region;
}

[Binding]
public sealed class UnbindableSteps
{
    [Given("a count of {int}")]
    public void Count(Stream stream) { }

    [Given("a document:")]
    public void Document(int notAString) { }

    [Given("an {unknown} thing")]
    public void Unknown(string thing) { }
}

[Binding]
public sealed class HangingSteps
{
    [When("a step hangs")]
    public Task Hangs() => Task.Delay(Timeout.Infinite);
}
