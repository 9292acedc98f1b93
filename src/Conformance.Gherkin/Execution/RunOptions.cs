using System.Reflection;
using Conformance.Gherkin.Tags;

namespace Conformance.Gherkin.Execution;

/// <summary>What a run executes and with which bindings and services.</summary>
public sealed class RunOptions
{
    /// <summary>The directory holding the <c>.feature</c> files (searched recursively).</summary>
    public required string FeaturesDirectory { get; init; }

    /// <summary>Assemblies scanned for <c>[Binding]</c> classes.</summary>
    public IReadOnlyList<Assembly> BindingAssemblies { get; init; } = [];

    /// <summary>Binding classes given one by one, in addition to those of <see cref="BindingAssemblies"/>.</summary>
    public IReadOnlyList<Type> BindingTypes { get; init; } = [];

    /// <summary>Factories for the objects bindings receive in their constructors.</summary>
    public ServiceRegistry Services { get; init; } = new();

    /// <summary>Only scenarios whose tags match run (all when null).</summary>
    public TagExpression? Tags { get; init; }

    /// <summary>Further selection, e.g. by feature path or scenario name (all when null).</summary>
    public Func<TestCasePlan, bool>? Filter { get; init; }

    /// <summary>The clock for message timestamps (wall time, not the target's clock).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string ImplementationName { get; init; } = "lambda-conformance-kit";

    /// <summary>
    /// The wall-clock time a step or hook may take before it is reported FAILED, so that a hanging target
    /// never hangs the run (null: no limit). The step's task is abandoned, not aborted.
    /// </summary>
    public TimeSpan? StepTimeout { get; init; }

    /// <summary>
    /// Asked before each scenario and after each failed step: a reason (e.g. "target lost: ...") means the
    /// run cannot go on. Scenarios that have not started are then reported with every step SKIPPED and
    /// "not run: " and the reason; a step that failed meanwhile carries the reason before its own message.
    /// </summary>
    public Func<string?>? StopReason { get; init; }

    /// <summary>Runs the features in reverse path order (Cucumber's <c>--order reverse</c>).</summary>
    public bool ReverseOrder { get; init; }

    /// <summary>
    /// How many features (or scenarios, see <see cref="ParallelScenarios"/>) may work at once (1: one
    /// scenario after another); a scenario waiting away from its <see cref="WorkerSlot"/> does not count.
    /// </summary>
    public int MaxParallelism { get; init; } = 1;

    /// <summary>
    /// Scenarios, not only features, run side by side: for hosts whose scenarios share nothing (each gets
    /// its own resources on the target), so a run takes about as long as its slowest scenario.
    /// </summary>
    public bool ParallelScenarios { get; init; }

    /// <summary>
    /// With <see cref="ParallelScenarios"/>: scenarios ranked higher start first (e.g. those that wait
    /// longest, so that the rest of the run fits in their waits); equal ones keep their order.
    /// </summary>
    public Func<TestCasePlan, TimeSpan>? StartFirst { get; init; }

    /// <summary>Told when a scenario steps away from its worker to wait, and when the wait ends (from any thread).</summary>
    public Action<WaitNotice>? OnWait { get; init; }
}
