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
/// 2. <see cref="StartAsync"/> publishes meta, each source with its document (or parse error) and pickles,
///    the step definitions and hooks, <c>testRunStarted</c>, and a test case per selected pickle;
/// 3. <see cref="RunAsync"/> executes one test case (callers may run them in any order);
/// 4. <see cref="FinishAsync"/> publishes <c>testRunFinished</c> with the overall success.
/// </summary>
public sealed class TestRun
{
    private readonly IMessageSink sink;
    private readonly RunOptions options;
    private readonly IIdGenerator ids = new IncrementingIdGenerator();
    private readonly ScenarioExecutor executor;
    private readonly List<ScenarioResult> results = [];
    private string testRunStartedId = "";
    private readonly List<string> runHookProblems = [];
    private bool started;
    private bool finished;
    private bool beforeRunFailed;

    private TestRun(RunOptions options, IMessageSink sink)
    {
        this.options = options;
        this.sink = sink;
        Features = new FeatureLoader(new LockedIds(ids)).LoadDirectory(options.FeaturesDirectory);
        Bindings = BindingRegistry.FromTypes(NewId, options.BindingAssemblies.SelectMany(a => a.GetTypes()).Concat(options.BindingTypes).Distinct());
        var planner = new TestCasePlanner(Bindings, NewId);
        var plans = Features.SelectMany(f => f.Pickles.Select(p => planner.Plan(p, f))).Where(Selected);
        TestCases = (options.ReverseOrder ? plans.Reverse() : plans).ToList();
        executor = new ScenarioExecutor(sink, options.Services, Bindings, options.Clock, NewId, options.StepTimeout, options.StopReason);
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
    public bool Success => ParseErrors.Count == 0 && Bindings.Errors.Count == 0 && Bindings.UndefinedParameterTypes.Count == 0
        && !beforeRunFailed && Results.All(r => !r.Failed);

    private bool Selected(TestCasePlan plan) =>
        (options.Tags?.Evaluate(plan.Tags) ?? true) && (options.Filter?.Invoke(plan) ?? true);

    /// <summary>Publishes everything up to the test cases, running the before-test-run hooks on the way.</summary>
    public async Task StartAsync()
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
        foreach (var parameterType in Bindings.CustomParameterTypes)
        {
            var type = parameterType.Type;
            Publish(new ParameterType(type.Name, type.RegexStrings.ToList(), type.PreferForRegexMatch, type.UseForSnippets,
                parameterType.Id, Reference(parameterType.Source)));
        }
        foreach (var undefined in Bindings.UndefinedParameterTypes) Publish(new UndefinedParameterType(undefined.Expression, undefined.Name));
        foreach (var step in Bindings.Steps)
        {
            var type = step.Expression.IsCucumberExpression ? StepDefinitionPatternType.CUCUMBER_EXPRESSION : StepDefinitionPatternType.REGULAR_EXPRESSION;
            Publish(new StepDefinition(step.Id, new StepDefinitionPattern(step.Expression.Source, type), Reference(step.Source)));
        }
        foreach (var hook in Bindings.Hooks)
            Publish(new Hook(hook.Id, hook.Name, Reference(hook.Source), string.IsNullOrEmpty(hook.TagSource) ? null : hook.TagSource, MessageType(hook.Kind)));

        testRunStartedId = NewId();
        Publish(new TestRunStarted(Now(), testRunStartedId));
        beforeRunFailed = !await RunTestRunHooksAsync(HookKind.BeforeTestRun);
        if (beforeRunFailed) return; // Cucumber runs no test case after a failed before-all hook
        foreach (var plan in TestCases) Publish(plan.ToMessage(testRunStartedId));
    }

    /// <summary>
    /// Runs every selected test case, calling <paramref name="onResult"/> after each. With
    /// <see cref="RunOptions.MaxParallelism"/> above 1, that many workers run features side by side
    /// (the scenarios of one feature stay in order), or scenarios with
    /// <see cref="RunOptions.ParallelScenarios"/>, those that <see cref="RunOptions.StartFirst"/> ranks
    /// higher first. A scenario that steps away to wait (<see cref="WorkerSlot"/>) lets another one use
    /// its worker meanwhile. The message stream stays valid, each envelope whole.
    /// </summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAllAsync(Action<ScenarioResult>? onResult = null, CancellationToken cancellation = default)
    {
        await StartAsync();
        var report = new object();
        if (options.MaxParallelism <= 1)
        {
            foreach (var plan in TestCases)
            {
                cancellation.ThrowIfCancellationRequested();
                var result = await RunAsync(plan);
                onResult?.Invoke(result);
            }
            return Results;
        }

        var slots = new WorkerSlots(options.MaxParallelism);
        var workerIds = new WorkerIds();
        var groups = options.ParallelScenarios
            ? TestCases.Select(p => (IReadOnlyList<TestCasePlan>)[p]).OrderByDescending(g => options.StartFirst?.Invoke(g[0]) ?? TimeSpan.Zero).ToList()
            : TestCases.GroupBy(p => p.Pickle.Uri).Select(g => (IReadOnlyList<TestCasePlan>)g.ToList()).ToList();
        var running = new List<Task>();
        try
        {
            foreach (var group in groups)
            {
                await slots.TakeToStartAsync(cancellation);
                running.Add(Task.Run(() => RunGroupAsync(group), CancellationToken.None));
            }
        }
        finally
        {
            await Task.WhenAll(running); // interrupted: what started still ends (its waits end at once) and is reported
        }
        return Results;

        // The group holds one slot from start to end; its scenarios step away from it to wait.
        async Task RunGroupAsync(IReadOnlyList<TestCasePlan> group)
        {
            var workerId = workerIds.Take();
            try
            {
                foreach (var plan in group)
                {
                    if (cancellation.IsCancellationRequested) return;
                    var result = await RunAsync(plan, workerId, new WorkerSlot(slots, plan.DisplayName, options.OnWait, options.Clock));
                    lock (report) onResult?.Invoke(result);
                }
            }
            finally
            {
                workerIds.Return(workerId);
                slots.Release();
            }
        }
    }

    /// <summary>Worker ids for the message stream: a scenario that starts while others wait away gets a new one.</summary>
    private sealed class WorkerIds
    {
        private readonly SortedSet<int> free = [];
        private int next;

        public string Take()
        {
            lock (free)
            {
                if (free.Count == 0) return (next++).ToString();
                var id = free.Min;
                free.Remove(id);
                return id.ToString();
            }
        }

        public void Return(string id)
        {
            lock (free) free.Add(int.Parse(id));
        }
    }

    public async Task<ScenarioResult> RunAsync(TestCasePlan plan, string workerId = "0", WorkerSlot? slot = null)
    {
        await StartAsync();
        var result = beforeRunFailed
            ? new ScenarioResult(plan, TestStepResultStatus.FAILED, [new StepOutcome("BeforeTestRun hooks", TestStepResultStatus.FAILED, "a BeforeTestRun hook failed, so no scenario ran")])
            : await executor.RunAsync(plan, workerId, slot ?? new WorkerSlot(null, plan.DisplayName, options.OnWait, options.Clock));
        lock (results) results.Add(result);
        return result;
    }

    /// <summary>Runs the after-test-run hooks and publishes <c>testRunFinished</c>; <paramref name="error"/> ended the run early.</summary>
    public async Task FinishAsync(System.Exception? error = null)
    {
        await StartAsync();
        if (finished) return;
        finished = true;
        var afterRunPassed = await RunTestRunHooksAsync(HookKind.AfterTestRun);
        var exception = error is null ? null : new Io.Cucumber.Messages.Types.Exception(error.GetType().FullName, error.Message, error.ToString());
        Publish(new TestRunFinished(error?.Message, Success && afterRunPassed && error is null, Now(), exception, testRunStartedId));
    }

    /// <summary>Runs the hooks of a test-run kind; false when one failed.</summary>
    private async Task<bool> RunTestRunHooksAsync(HookKind kind)
    {
        var passed = true;
        var hooks = Bindings.HooksFor(kind, []).ToList();
        if (hooks.Count == 0) return true;
        await using var container = new ScenarioContainer(options.Services);
        var attachments = new Attachments(sink, options.Clock);
        container.Add(attachments);
        foreach (var hook in hooks)
        {
            var startedId = NewId();
            sink.Publish(Envelope.Create(new TestRunHookStarted(startedId, testRunStartedId, hook.Id, null, Now())));
            attachments.TestRunHookStartedId = startedId;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            TestStepResult result;
            try
            {
                await StepInvoker.InvokeHookAsync(hook.Method, container);
                result = new TestStepResult(ToDuration(watch.Elapsed), null, TestStepResultStatus.PASSED, null);
            }
            catch (System.Exception ex)
            {
                var (status, message, exception) = StepInvoker.Classify(ex);
                result = new TestStepResult(ToDuration(watch.Elapsed), message, status, exception);
                passed &= status != TestStepResultStatus.FAILED;
                lock (runHookProblems) runHookProblems.Add($"{kind} hook {hook.Method.Name} ({hook.Source}): {message}");
            }
            sink.Publish(Envelope.Create(new TestRunHookFinished(startedId, result, Now())));
        }
        return passed;
    }

    /// <summary>Failures of test-run hooks, for hosts to show.</summary>
    public IReadOnlyList<string> RunHookProblems
    {
        get { lock (runHookProblems) return runHookProblems.ToList(); }
    }

    private static HookType MessageType(HookKind kind) => kind switch
    {
        HookKind.BeforeTestRun => HookType.BEFORE_TEST_RUN,
        HookKind.AfterTestRun => HookType.AFTER_TEST_RUN,
        HookKind.BeforeScenario => HookType.BEFORE_TEST_CASE,
        HookKind.AfterScenario => HookType.AFTER_TEST_CASE,
        HookKind.BeforeStep => HookType.BEFORE_TEST_STEP,
        _ => HookType.AFTER_TEST_STEP,
    };

    private Timestamp Now() => ToTimestamp(options.Clock.GetUtcNow().UtcDateTime);

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
    private void Publish(UndefinedParameterType m) => sink.Publish(Envelope.Create(m));
    private void Publish(ParameterType m) => sink.Publish(Envelope.Create(m));
    private void Publish(TestRunFinished m) => sink.Publish(Envelope.Create(m));

    private sealed class LockedIds(IIdGenerator inner) : IIdGenerator
    {
        public string GetNewId()
        {
            lock (inner) return inner.GetNewId();
        }
    }
}
