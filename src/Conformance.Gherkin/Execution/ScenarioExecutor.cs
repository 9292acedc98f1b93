using System.Diagnostics;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Messages;
using Io.Cucumber.Messages.Types;
using static Cucumber.Messages.Converters;

namespace Conformance.Gherkin.Execution;

/// <summary>
/// Executes one test case and publishes its messages. Rules (as in Cucumber): before-hooks run first;
/// a step runs only while everything before it passed, otherwise it is SKIPPED; a step with no
/// definition is UNDEFINED and one with several is AMBIGUOUS; before-step and after-step hooks wrap
/// each step that runs; after-hooks always run. The scenario's status is the worst of its steps'.
/// </summary>
internal sealed class ScenarioExecutor(IMessageSink sink, ServiceRegistry services, BindingRegistry bindings, TimeProvider clock, Func<string> newId,
    TimeSpan? stepTimeout = null, Func<string?>? stopReason = null)
{
    public async Task<ScenarioResult> RunAsync(TestCasePlan plan, string workerId, WorkerSlot? slot = null)
    {
        slot ??= WorkerSlot.Unshared(plan.DisplayName, clock);
        var startedId = newId();
        sink.Publish(Envelope.Create(new TestCaseStarted(0, startedId, plan.Id, workerId, Now())));
        if (stopReason?.Invoke() is { } reason) return NotRun(plan, startedId, reason);

        var outcomes = new List<StepOutcome>();
        var container = new ScenarioContainer(services);
        var attachments = new Attachments(sink, clock) { TestCaseStartedId = startedId };
        container.Add(attachments);
        container.Add(slot);
        container.Add(new ScenarioInfo(plan.Feature.FeatureName, plan.Pickle.Name, plan.Pickle.Uri, plan.Tags)
        {
            StepTexts = plan.Steps.Where(s => s.PickleStep is not null).Select(s => s.PickleStep!.Text).ToList(),
        });
        var blocked = Blocked.No;
        foreach (var step in plan.Steps)
        {
            sink.Publish(Envelope.Create(new TestStepStarted(startedId, step.Id, Now())));
            attachments.TestStepId = step.Id;
            var watch = Stopwatch.StartNew();
            var outcome = await ExecuteAsync(step, plan, container, blocked, slot);
            var result = new TestStepResult(ToDuration(watch.Elapsed), outcome.Message, outcome.Status, outcome.Exception);
            sink.Publish(Envelope.Create(new TestStepFinished(startedId, step.Id, result, Now())));
            if (outcome.Status == TestStepResultStatus.UNDEFINED) PublishSuggestion(step.PickleStep!);
            outcomes.Add(new StepOutcome(step.Text, outcome.Status, outcome.Message, outcome.Snippet));
            if (blocked == Blocked.No && outcome.Status != TestStepResultStatus.PASSED && step.Hook?.Kind != HookKind.AfterScenario)
                blocked = outcome.Status == TestStepResultStatus.SKIPPED ? Blocked.BySkip : Blocked.ByFailure;
        }
        attachments.TestStepId = null;

        try
        {
            await container.DisposeAsync();
        }
        catch (System.Exception ex)
        {
            outcomes.Add(new StepOutcome("disposing the scenario's objects", TestStepResultStatus.FAILED, ex.Message));
        }
        sink.Publish(Envelope.Create(new TestCaseFinished(startedId, Now(), false)));
        return new ScenarioResult(plan, ScenarioResult.Worst(outcomes.Select(o => o.Status)), outcomes);
    }

    /// <summary>The run cannot go on (the target was lost): every step is reported SKIPPED, the first with the reason; nothing runs, no hook either.</summary>
    private ScenarioResult NotRun(TestCasePlan plan, string startedId, string reason)
    {
        var message = ScenarioResult.NotRunPrefix + reason;
        var outcomes = new List<StepOutcome>();
        foreach (var step in plan.Steps)
        {
            sink.Publish(Envelope.Create(new TestStepStarted(startedId, step.Id, Now())));
            var said = outcomes.Count == 0 ? message : null;
            sink.Publish(Envelope.Create(new TestStepFinished(startedId, step.Id, new TestStepResult(ToDuration(TimeSpan.Zero), said, TestStepResultStatus.SKIPPED, null), Now())));
            outcomes.Add(new StepOutcome(step.Text, TestStepResultStatus.SKIPPED, said));
        }
        sink.Publish(Envelope.Create(new TestCaseFinished(startedId, Now(), false)));
        return new ScenarioResult(plan, TestStepResultStatus.SKIPPED, outcomes);
    }

    /// <summary>
    /// Why later steps do not run: after a failed-ish step (failed, pending, undefined, ambiguous) the
    /// remaining steps are skipped but undefined and ambiguous ones are still reported as such; after a
    /// step or hook that skipped itself, every remaining step is skipped.
    /// </summary>
    private enum Blocked
    {
        No,
        ByFailure,
        BySkip,
    }

    private void PublishSuggestion(Io.Cucumber.Messages.Types.PickleStep step) =>
        sink.Publish(Envelope.Create(new Suggestion(newId(), step.Id,
            SnippetGenerator.Generate(step, bindings.ParameterTypes).Select(code => new Snippet("csharp", code)).ToList())));

    private sealed record Outcome(TestStepResultStatus Status, string? Message = null, Io.Cucumber.Messages.Types.Exception? Exception = null, string? Snippet = null);

    private static readonly Outcome Passed = new(TestStepResultStatus.PASSED);
    private static readonly Outcome Skipped = new(TestStepResultStatus.SKIPPED);

    private async Task<Outcome> ExecuteAsync(PlannedStep step, TestCasePlan plan, ScenarioContainer container, Blocked blocked, WorkerSlot slot)
    {
        if (step.Hook is not null)
        {
            // After-hooks run even when the scenario failed; before-hooks never follow a failure.
            if (blocked != Blocked.No && step.Hook.Kind == HookKind.BeforeScenario) return Skipped;
            return await InvokeAsync(() => StepInvoker.InvokeHookAsync(step.Hook.Method, container), slot);
        }

        var pickleStep = step.PickleStep!;
        if (blocked == Blocked.BySkip) return Skipped;
        if (step.Matches.Count == 0)
            return new Outcome(TestStepResultStatus.UNDEFINED, null, null, SnippetGenerator.Generate(pickleStep, bindings.ParameterTypes).FirstOrDefault());
        if (step.Matches.Count > 1)
            return new Outcome(TestStepResultStatus.AMBIGUOUS,
                "Several step definitions match this step:\n" + string.Join("\n", step.Matches.Select(m => $"  {m.Binding.Expression.Source}  ({m.Binding})")));
        if (blocked == Blocked.ByFailure) return Skipped;

        var match = step.Matches[0];
        var values = match.Arguments.Select(a => a.Value).ToList();
        if (pickleStep.Argument?.DocString is { } docString) values.Add(ArgumentConverter.ToDocString(docString));
        if (pickleStep.Argument?.DataTable is { } table) values.Add(ArgumentConverter.ToDataTable(table));

        var outcome = await RunHooksAsync(HookKind.BeforeStep, plan, container, slot);
        if (outcome == Passed) outcome = await InvokeAsync(() => StepInvoker.InvokeStepAsync(match.Binding.Method, container, values, bindings), slot);
        var after = await RunHooksAsync(HookKind.AfterStep, plan, container, slot);
        return outcome == Passed ? after : outcome;
    }

    private async Task<Outcome> RunHooksAsync(HookKind kind, TestCasePlan plan, ScenarioContainer container, WorkerSlot slot)
    {
        foreach (var hook in bindings.HooksFor(kind, plan.Tags))
        {
            var outcome = await InvokeAsync(() => StepInvoker.InvokeHookAsync(hook.Method, container), slot);
            if (outcome != Passed) return outcome with { Message = $"{kind} hook {hook.Method.Name}: {outcome.Message}" };
        }
        return Passed;
    }

    private async Task<Outcome> InvokeAsync(Func<Task> call, WorkerSlot slot)
    {
        try
        {
            var running = call();
            if (stepTimeout is { } limit) await WithinAsync(running, limit, slot);
            await running;
            return Passed;
        }
        catch (System.Exception ex)
        {
            var (status, message, exception) = StepInvoker.Classify(ex);
            // A step that failed because the target went away says so first: that is the evidence that matters.
            if (status == TestStepResultStatus.FAILED && stopReason?.Invoke() is { } reason && message?.StartsWith(reason, StringComparison.Ordinal) != true)
                message = $"{reason}\n{message}";
            return new Outcome(status, message, exception);
        }
    }

    /// <summary>
    /// Waits for <paramref name="running"/> while its working time (time away from the worker slot,
    /// spent waiting on purpose, does not count) stays within <paramref name="limit"/>.
    /// </summary>
    private static async Task WithinAsync(Task running, TimeSpan limit, WorkerSlot slot)
    {
        var watch = Stopwatch.StartNew();
        var awayBefore = slot.TimeAway;
        while (true)
        {
            var left = limit - (watch.Elapsed - (slot.TimeAway - awayBefore));
            if (left <= TimeSpan.Zero && !slot.IsAway)
                throw new TimeoutException($"The step did not finish within {limit.TotalSeconds:0.###} s; the run goes on without it.");
            // While away, look again each second: the wait may end, and the working time go on.
            if (await Task.WhenAny(running, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1))) == running) return;
        }
    }

    private Timestamp Now() => ToTimestamp(clock.GetUtcNow().UtcDateTime);
}
