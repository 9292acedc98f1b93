using Conformance.Cli.Output;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;
using Conformance.Gherkin.Tags;
using Conformance.Steps;
using Conformance.Steps.Drivers;
using Conformance.Targets;

namespace Conformance.Cli.Commands;

/// <summary>
/// Runs the selected scenarios against the target: checks the selection, starts the target session,
/// runs the scenarios (the longest waits first) with the console's progress, and always writes the
/// reports of what ran (<see cref="RunReports"/>), also when the run is interrupted or the target lost.
/// </summary>
internal static class RunExecution
{
    internal static async Task<int> ExecuteAsync(RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        TagExpression? tagFilter = null;
        if (settings.Tags is not null)
        {
            try
            {
                tagFilter = TagExpression.Parse(settings.Tags);
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"error: --tags: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        Shard? shard = null;
        if (settings.Shard is not null)
        {
            (shard, var problem) = Shard.Parse(settings.Shard);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
        }
        IReadOnlyDictionary<string, double>? expectedSeconds = null;
        if (settings.Durations.Count > 0)
        {
            if (shard is null)
            {
                await error.WriteLineAsync("error: --durations balances the shares of --shard; give --shard i/n too.");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                expectedSeconds = settings.Durations.SelectMany(file => ScenarioDurations.Read(file))
                    .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync($"error: --durations: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        var featuresDirectory = CommonOptions.ResolveFeatures(settings.Features);
        if (featuresDirectory is null)
        {
            await error.WriteLineAsync($"error: the features directory '{settings.Features}' does not exist (run from the repository root or pass --features DIR).");
            return ExitCodes.UsageOrInputError;
        }

        BaselineGate? gate = null;
        if (settings.BaselinePath is { } baselinePath)
        {
            (gate, var problem) = BaselineGate.Load(baselinePath, settings.Strict, settings.Target, featuresDirectory);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
        }
        else if (settings.Strict)
        {
            await error.WriteLineAsync("error: --strict judges a run against its baseline; give --baseline FILE too.");
            return ExitCodes.UsageOrInputError;
        }

        foreach (var function in settings.TargetOptions.Functions.All)
        {
            if (Conformance.Targets.UserCode.RuntimeLaunch.For(function.Name, function.Code).Problem is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
        }

        // On a real target, say first what the run will create and how long it should take (`conformance plan` gives the detail).
        if (settings.Target != "reference" && shard is null && !settings.Quiet && PlanCommand.Make(settings).Plan is { } plan)
        {
            Planning.PlanText.WriteSummary(plan, output);
            await output.WriteLineAsync();
        }

        var traffic = new object();
        if (settings.Verbose) Traffic.Sink = line => { lock (traffic) error.WriteLine(Redaction.Redact("  " + line)); };
        using var stopsTheTraffic = new Conformance.Targets.Processes.OnDispose(() => Traffic.Sink = null);
        TargetSession session;
        try
        {
            session = await TargetSession.StartAsync(settings.Target, settings.TargetOptions, error, cancellation);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception ex) when (ex is TargetUnavailableException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            await error.WriteLineAsync($"error: the {settings.Target} target cannot run here: {Redaction.Redact(ex.Message)}");
            return ExitCodes.TargetUnavailable;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted while the target was starting; nothing ran.");
            return ExitCodes.Interrupted; // whatever had started was stopped by the target's own clean-up
        }
        await using var stopsTheTarget = session;
        await using var interrupts = cancellation.Register(session.Interrupt);
        var services = new ServiceRegistry().Add<ITarget>(_ => session.Create()).Add(_ => new WaitLimit { MaxWait = settings.MaxWait })
            .Add(_ => settings.TargetOptions.Functions);
        var messages = new MessageCollector();
        var waits = new WaitBoard();
        // The share is decided on the whole selection, before the run keeps only its own scenarios.
        var shardKeys = shard?.Select(new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(featuresDirectory)
            .SelectMany(f => f.Pickles).Where(p => tagFilter?.Evaluate([.. p.Tags.Select(t => t.Name)]) ?? true)
            .Where(p => settings.Selects(p.Uri, p.Name, null, ""))
            .Select(p => $"{p.Uri}:{p.Location?.Line}"), expectedSeconds);
        var run = TestRun.Create(new RunOptions
        {
            FeaturesDirectory = featuresDirectory,
            BindingAssemblies = [StepsAssembly.Assembly],
            Services = services,
            Tags = tagFilter,
            Filter = plan => settings.Selects(plan.Pickle.Uri, plan.Pickle.Name, shardKeys, plan.Key),
            StepTimeout = TimeSpan.FromSeconds(settings.StepTimeoutSeconds),
            MaxParallelism = settings.Parallelism,
            ParallelScenarios = true,
            StopReason = session.Lost,
            // The longest waits start first, so that the rest of the run fits in them.
            StartFirst = plan => LambdaTime.Expected(plan.Steps.Where(s => s.PickleStep is not null).Select(s => s.PickleStep!.Text)),
            OnWait = notice => waits.Note(notice),
        }, messages);

        var live = LiveProgress.Wanted(output, settings.Quiet);
        var console = new ConsoleReporter(live ? LiveProgress.Lines : output, error) { Quiet = settings.Quiet };
        waits.Started += console.WaitStarted;
        if (console.ReportInputErrors(run))
        {
            await RunReports.WriteAsync(settings, run, messages, null, console, session.Name, gate);
            return ExitCodes.UsageOrInputError;
        }

        Exception? crash = null;
        Conformance.Reporting.Model.RunReport? report = null;
        try
        {
            if (live)
                await LiveProgress.RunAsync(run.TestCases.Count, $"{session.Name}: scenarios", waits, advance =>
                    run.RunAllAsync(result => { console.ScenarioFinished(result); advance(); }, cancellation));
            else
                await run.RunAllAsync(console.ScenarioFinished, cancellation);
            cancellation.ThrowIfCancellationRequested(); // interrupted during the last scenario
        }
        catch (OperationCanceledException ex) when (cancellation.IsCancellationRequested)
        {
            crash = ex; // Ctrl+C: the reports of what ran are still written, and the target is stopped
        }
        catch (Exception ex)
        {
            crash = ex;
            throw;
        }
        finally
        {
            report = await RunReports.WriteAsync(settings, run, messages, crash, console, session.Name, gate);
        }
        console.Totals(run);
        if (crash is not null)
        {
            await error.WriteLineAsync("interrupted: the reports hold the scenarios that ran.");
            return ExitCodes.Interrupted;
        }
        if (session.Lost() is { } lost)
        {
            await error.WriteLineAsync($"error: the {session.Name} target was lost during the run; the scenarios that had not started are reported as not run.\n{Redaction.Redact(lost)}");
            return ExitCodes.TargetUnavailable;
        }
        if (gate is not null) return gate.Judge(report!, output);
        // A gap is counted against the target like a wrong answer: the run did not pass.
        return run.Success && !run.Results.Any(r => r.Unsupported) ? ExitCodes.AllPassed : ExitCodes.Failures;
    }
}
