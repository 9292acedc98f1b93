using Spectre.Console;

namespace Conformance.Cli.Output;

/// <summary>
/// A progress bar under the scenario lines of a long run (scenarios done, elapsed and expected time),
/// drawn with Spectre.Console only on an interactive terminal: plain lines when the output is
/// redirected (CI, files, tests) or <c>NO_COLOR</c> is set, and with <c>--quiet</c>.
/// </summary>
public static class LiveProgress
{
    public static bool Wanted(TextWriter output, bool quiet) =>
        !quiet && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// Runs <paramref name="work"/> with a bar of <paramref name="total"/> steps; <c>advance</c> moves it
    /// by one. The description says which scenarios wait, and until when.
    /// </summary>
    public static Task RunAsync(int total, string description, WaitBoard waits, Func<Action, Task> work) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(total, 1));
                void Describe() => task.Description = waits.Summary() is { } waiting ? $"{description} ({waiting})" : description;
                waits.Changed += Describe;
                try
                {
                    await work(() => task.Increment(1));
                }
                finally
                {
                    waits.Changed -= Describe;
                }
            });

    /// <summary>Where the scenario lines go while the bar is drawn: through Spectre, so the bar stays below them.</summary>
    public static TextWriter Lines { get; } = new SpectreWriter();

    private sealed class SpectreWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => AnsiConsole.WriteLine(value ?? "");

        public override void Write(string? value) => AnsiConsole.Write(value ?? "");

        public override void Write(char value) => AnsiConsole.Write(value.ToString());
    }
}
