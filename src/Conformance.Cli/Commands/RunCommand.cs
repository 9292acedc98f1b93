using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance run</c>: its options (<see cref="RunOptionSet"/>, shared with <c>plan</c>) bind to
/// <see cref="RunSettings"/>; <see cref="RunExecution"/> runs it.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new RunOptionSet();
        var command = new Command("run", "Run the specification against a target and write the reports.\n\nExample:\n  conformance run --tags \"@async\" --report reports/async");
        options.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            var (settings, problem) = options.Bind(parsed);
            if (settings is null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
            return await RunExecution.ExecuteAsync(settings, output, error, cancellation);
        });
        return command;
    }
}
