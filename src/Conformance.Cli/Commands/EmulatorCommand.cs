using System.CommandLine;
using Conformance.Targets;
using Conformance.Targets.Emulator;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance emulator install</c>: installs the emulator stack ahead of a run (a run does it on first use anyway).</summary>
public static class EmulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var install = new Command("install", "Install the emulator stacks' pinned npm packages now (npm ci into the cache; a no-op when installed): serverless-offline's (the emulator target) and serverless-aws-lambda's.");
        install.SetAction(async (_, cancellation) =>
        {
            try
            {
                foreach (var (folder, what) in new[] { ("emulator", "emulator stack"), ("emulator-aws-lambda", "serverless-aws-lambda stack") })
                {
                    var installation = EmulatorInstallation.Locate(folder);
                    await installation.EnsureInstalledAsync(output, cancellation);
                    await output.WriteLineAsync($"{what} ready in {installation.InstalledDirectory}");
                }
                return ExitCodes.AllPassed;
            }
            catch (TargetUnavailableException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.TargetUnavailable;
            }
        });
        return new Command("emulator", "Manage the local emulator stack the emulator target runs.") { install };
    }
}
