using System.CommandLine;
using Conformance.Cli.Planning;
using Conformance.Gherkin.Parsing;
using Conformance.Gherkin.Tags;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance plan --target NAME</c>: what a run would do there, without touching the target: which
/// scenarios would run, which are unsupported or not applicable and why, what each creates, and the
/// expected wall time, requests and invocations (<see cref="RunPlan"/>).
/// </summary>
public static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new RunOptionSet();
        var command = new Command("plan", "Show what a run would run, skip and create, and how long it would take, without touching the target. " +
            "It takes the options of `run`, so it can be put in front of the command line a run will use.\n\nExample:\n  conformance plan --target aws --parallel 8");
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var (settings, problem) = options.Bind(parsed);
            if (settings is null)
            {
                error.WriteLine($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
            return Execute(settings, output, error);
        });
        return command;
    }

    private static int Execute(RunSettings settings, TextWriter output, TextWriter error)
    {
        if (settings.Parallel is < 1 or > 64 || settings.MaxWait <= TimeSpan.Zero)
        {
            error.WriteLine("error: --parallel must be 1 to 64 and --max-wait a positive number of minutes.");
            return ExitCodes.UsageOrInputError;
        }
        var (plan, problem) = Make(settings);
        if (plan is null)
        {
            error.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrInputError;
        }
        PlanText.WriteDetail(plan, output);
        PlanText.WriteSummary(plan, output);
        return ExitCodes.AllPassed;
    }

    /// <summary>The plan for the run <paramref name="settings"/> describe, or why there is none (the features, the tag expression).</summary>
    internal static (RunPlan? Plan, string? Problem) Make(RunSettings settings)
    {
        TagExpression? filter = null;
        try
        {
            if (settings.Tags is not null) filter = TagExpression.Parse(settings.Tags);
        }
        catch (FormatException ex)
        {
            return (null, $"--tags: {ex.Message}");
        }
        var directory = CommonOptions.ResolveFeatures(settings.Features);
        if (directory is null) return (null, $"the features directory '{settings.Features}' does not exist.");
        var files = new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(directory);
        if (files.SelectMany(f => f.Errors).FirstOrDefault() is { } parseError) return (null, parseError.ToString());
        var scenarios = files.SelectMany(f => f.Pickles)
            .Where(p => filter?.Evaluate([.. p.Tags.Select(t => t.Name)]) ?? true)
            .Where(p => settings.Selects(p.Uri, p.Name, null, ""))
            .Select(p => ($"{p.Uri}:{p.Location?.Line}", p.Name, (IReadOnlyList<string>)[.. p.Tags.Select(t => t.Name)],
                (IReadOnlyList<PlannedStep>)[.. p.Steps.Select(s => new PlannedStep(s.Text, s.Type == PickleStepType.ACTION))]));
        return (RunPlan.Make(settings.Target, TargetSession.Declared(settings.Target), settings.Parallelism, settings.MaxWait, scenarios), null);
    }
}
