using System.Runtime.InteropServices;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Messages;
using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;
using static Cucumber.Messages.Converters;

namespace Conformance.Gherkin.Execution;

/// <summary>
/// One run of a feature set. The algorithm:
/// 1. load and parse every feature file, and scan the bindings (nothing is published yet);
/// 2. <see cref="Start"/> publishes meta, each source with its document (or parse error) and pickles,
///    the step definitions and hooks, <c>testRunStarted</c>, and a test case per selected pickle;
/// 3. <see cref="RunAsync"/> executes one test case (callers may run them in any order);
/// 4. <see cref="Finish"/> publishes <c>testRunFinished</c> with the overall success.
/// </summary>
public sealed class TestRun
{
    private readonly IMessageSink sink;
    private readonly RunOptions options;
    private readonly IIdGenerator ids = new IncrementingIdGenerator();
    private readonly ScenarioExecutor executor;
    private readonly List<ScenarioResult> results = [];
    private string testRunStartedId = "";
    private bool started;
    private bool finished;

    private TestRun(RunOptions options, IMessageSink sink)
    {
        this.options = options;
        this.sink = sink;
        Features = new FeatureLoader(new LockedIds(ids)).LoadDirectory(options.FeaturesDirectory);
        Bindings = BindingRegistry.FromTypes(NewId, options.BindingAssemblies.SelectMany(a => a.GetTypes()).Concat(options.BindingTypes).Distinct());
        var planner = new TestCasePlanner(Bindings, NewId);
        TestCases = Features
            .SelectMany(f => f.Pickles.Select(p => planner.Plan(p, f)))
            .Where(Selected)
            .ToList();
        executor = new ScenarioExecutor(sink, options.Services, options.Clock, NewId);
    }

    public static TestRun Create(RunOptions options, IMessageSink sink) => new(options, sink);

    public IReadOnlyList<FeatureFile> Features { get; }
    public BindingRegistry Bindings { get; }
    public IReadOnlyList<TestCasePlan> TestCases { get; }
    public IReadOnlyList<FeatureParseError> ParseErrors => Features.SelectMany(f => f.Errors).ToList();

    public IReadOnlyList<ScenarioResult> Results
    {
        get { lock (results) return results.ToList(); }
    }

    /// <summary>True when nothing failed: no parse or binding error and every executed scenario passed.</summary>
    public bool Success => ParseErrors.Count == 0 && Bindings.Errors.Count == 0 && Results.All(r => r.Passed);

    private bool Selected(TestCasePlan plan) =>
        (options.Tags?.Evaluate(plan.Tags) ?? true) && (options.Filter?.Invoke(plan) ?? true);

    public void Start()
    {
        if (started) return;
        started = true;
        Publish(new Meta(ProtocolVersionNumber(), new Product(options.ImplementationName, typeof(TestRun).Assembly.GetName().Version?.ToString()),
            new Product(".NET", Environment.Version.ToString()), new Product(RuntimeInformation.OSDescription, null),
            new Product(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null), null));
        foreach (var feature in Features)
        {
            Publish(feature.Source);
            if (feature.Document is not null) Publish(feature.Document);
            foreach (var error in feature.Errors)
                Publish(new ParseError(new SourceReference(error.Uri, null, null, new Location(error.Line, error.Column)),
                    $"({error.Line}:{error.Column}): {error.Message}"));
            foreach (var pickle in feature.Pickles) Publish(pickle);
        }
        foreach (var step in Bindings.Steps)
        {
            var type = step.Expression.IsCucumberExpression ? StepDefinitionPatternType.CUCUMBER_EXPRESSION : StepDefinitionPatternType.REGULAR_EXPRESSION;
            Publish(new StepDefinition(step.Id, new StepDefinitionPattern(step.Expression.Source, type), Reference(step.Source)));
        }
        foreach (var hook in Bindings.Hooks)
        {
            var type = hook.Kind == HookKind.BeforeScenario ? HookType.BEFORE_TEST_CASE : HookType.AFTER_TEST_CASE;
            Publish(new Hook(hook.Id, hook.Name, Reference(hook.Source), string.IsNullOrEmpty(hook.TagSource) ? null : hook.TagSource, type));
        }
        testRunStartedId = NewId();
        Publish(new TestRunStarted(ToTimestamp(options.Clock.GetUtcNow().UtcDateTime), testRunStartedId));
        foreach (var plan in TestCases) Publish(plan.ToMessage(testRunStartedId));
        foreach (var plan in TestCases)
            foreach (var step in plan.Steps.Where(s => s.PickleStep is not null && s.Matches.Count == 0))
                Publish(new Suggestion(NewId(), step.PickleStep!.Id, [new Snippet("csharp", SnippetGenerator.Generate(step.PickleStep))]));
    }

    public async Task<ScenarioResult> RunAsync(TestCasePlan plan, string workerId = "0")
    {
        Start();
        var result = await executor.RunAsync(plan, workerId);
        lock (results) results.Add(result);
        return result;
    }

    /// <summary>Runs every selected test case in order, calling <paramref name="onResult"/> after each.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAllAsync(Action<ScenarioResult>? onResult = null, CancellationToken cancellation = default)
    {
        Start();
        foreach (var plan in TestCases)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = await RunAsync(plan);
            onResult?.Invoke(result);
        }
        return Results;
    }

    /// <summary>Publishes <c>testRunFinished</c>; <paramref name="error"/> is an error that ended the run early.</summary>
    public void Finish(System.Exception? error = null)
    {
        Start();
        if (finished) return;
        finished = true;
        var exception = error is null ? null : new Io.Cucumber.Messages.Types.Exception(error.GetType().FullName, error.Message, error.ToString());
        Publish(new TestRunFinished(error?.Message, Success && error is null, ToTimestamp(options.Clock.GetUtcNow().UtcDateTime), exception, testRunStartedId));
    }

    private static string ProtocolVersionNumber() => Cucumber.Messages.ProtocolVersion.Version.Split('+')[0];

    private static SourceReference Reference(SourceLocation source) => new(source.File, null, null, new Location(source.Line, null));

    private string NewId()
    {
        lock (ids) return ids.GetNewId();
    }

    private void Publish(Source m) => sink.Publish(Envelope.Create(m));
    private void Publish(GherkinDocument m) => sink.Publish(Envelope.Create(m));
    private void Publish(ParseError m) => sink.Publish(Envelope.Create(m));
    private void Publish(Pickle m) => sink.Publish(Envelope.Create(m));
    private void Publish(Meta m) => sink.Publish(Envelope.Create(m));
    private void Publish(StepDefinition m) => sink.Publish(Envelope.Create(m));
    private void Publish(Hook m) => sink.Publish(Envelope.Create(m));
    private void Publish(TestRunStarted m) => sink.Publish(Envelope.Create(m));
    private void Publish(TestCase m) => sink.Publish(Envelope.Create(m));
    private void Publish(Suggestion m) => sink.Publish(Envelope.Create(m));
    private void Publish(TestRunFinished m) => sink.Publish(Envelope.Create(m));

    private sealed class LockedIds(IIdGenerator inner) : IIdGenerator
    {
        public string GetNewId()
        {
            lock (inner) return inner.GetNewId();
        }
    }
}
