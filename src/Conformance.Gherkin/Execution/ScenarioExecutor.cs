using System.Diagnostics;
using Conformance.Gherkin.Messages;
using Io.Cucumber.Messages.Types;
using static Cucumber.Messages.Converters;

namespace Conformance.Gherkin.Execution;

/// <summary>
/// Executes one test case and publishes its messages. Rules (as in Cucumber): before-hooks run first;
/// a step runs only while everything before it passed, otherwise it is SKIPPED; a step with no
/// definition is UNDEFINED and one with several is AMBIGUOUS; after-hooks always run. The scenario's
/// status is the worst of its steps'.
/// </summary>
internal sealed class ScenarioExecutor(IMessageSink sink, ServiceRegistry services, TimeProvider clock, Func<string> newId)
{
    public async Task<ScenarioResult> RunAsync(TestCasePlan plan, string workerId)
    {
        var startedId = newId();
        sink.Publish(Envelope.Create(new TestCaseStarted(0, startedId, plan.Id, workerId, Now())));

        var outcomes = new List<StepOutcome>();
        var container = new ScenarioContainer(services);
        container.Add(new ScenarioInfo(plan.Feature.FeatureName, plan.Pickle.Name, plan.Pickle.Uri, plan.Tags));
        var blocked = false;
        foreach (var step in plan.Steps)
        {
            sink.Publish(Envelope.Create(new TestStepStarted(startedId, step.Id, Now())));
            var watch = Stopwatch.StartNew();
            var outcome = await ExecuteAsync(step, container, blocked);
            var result = new TestStepResult(ToDuration(watch.Elapsed), outcome.Message, outcome.Status, outcome.Exception);
            sink.Publish(Envelope.Create(new TestStepFinished(startedId, step.Id, result, Now())));
            outcomes.Add(new StepOutcome(step.Text, outcome.Status, outcome.Message, outcome.Snippet));
            var isAfterHook = step.Hook?.Kind == Bindings.HookKind.AfterScenario;
            if (outcome.Status != TestStepResultStatus.PASSED && !isAfterHook) blocked = true;
        }

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

    private sealed record Outcome(TestStepResultStatus Status, string? Message = null, Io.Cucumber.Messages.Types.Exception? Exception = null, string? Snippet = null);

    private static async Task<Outcome> ExecuteAsync(PlannedStep step, ScenarioContainer container, bool blocked)
    {
        if (step.Hook is not null)
        {
            // After-hooks run even when the scenario failed; before-hooks never follow a failure.
            if (blocked && step.Hook.Kind == Bindings.HookKind.BeforeScenario) return new Outcome(TestStepResultStatus.SKIPPED);
            return await InvokeAsync(() => StepInvoker.InvokeAsync(step.Hook.Method, container, []));
        }

        var pickleStep = step.PickleStep!;
        if (step.Matches.Count == 0)
            return new Outcome(TestStepResultStatus.UNDEFINED, null, null, SnippetGenerator.Generate(pickleStep));
        if (step.Matches.Count > 1)
            return new Outcome(TestStepResultStatus.AMBIGUOUS,
                "Several step definitions match this step:\n" + string.Join("\n", step.Matches.Select(m => $"  {m.Binding.Expression.Source}  ({m.Binding})")));
        if (blocked) return new Outcome(TestStepResultStatus.SKIPPED);

        var match = step.Matches[0];
        var values = match.Arguments.Select(a => a.Value).ToList();
        if (pickleStep.Argument?.DocString is { } docString) values.Add(ArgumentConverter.ToDocString(docString));
        if (pickleStep.Argument?.DataTable is { } table) values.Add(ArgumentConverter.ToDataTable(table));
        return await InvokeAsync(() => StepInvoker.InvokeAsync(match.Binding.Method, container, values));
    }

    private static async Task<Outcome> InvokeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return new Outcome(TestStepResultStatus.PASSED);
        }
        catch (System.Exception ex)
        {
            var (status, message, exception) = StepInvoker.Classify(ex);
            return new Outcome(status, message, exception);
        }
    }

    private Timestamp Now() => ToTimestamp(clock.GetUtcNow().UtcDateTime);
}
