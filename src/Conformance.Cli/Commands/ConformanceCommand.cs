using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>The root <c>conformance</c> command and its subcommands.</summary>
public static class ConformanceCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Checks AWS Lambda invocation semantics, written as Gherkin specifications, against a target.")
        {
            RunCommand.Create(output, error),
            InitCommand.Create(output, error),
            ListCommand.Create(output, error),
            PlanCommand.Create(output, error),
            ReportCommand.Create(output, error),
            FixturesCommand.Create(output, error),
            DoctorCommand.Create(output, error),
            CleanupCommand.Create(output, error),
            EmulatorCommand.Create(output, error),
            CompareCommand.Create(output, error),
            BaselineCommand.Create(output, error),
            BenchCommand.Create(output, error),
        };
        // On Ctrl+C (or SIGTERM) a run gets this long to write its reports and stop the target's processes.
        var configuration = new InvocationConfiguration
        {
            Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
        };
        // Tag expressions start with '@', which would otherwise be read as a response file name.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"error: {problem.Message}");
            await error.WriteLineAsync("Run 'conformance --help' for usage.");
            return ExitCodes.UsageOrInputError;
        }
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A path the user gave cannot be read or written: say which, without a stack trace.
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}
