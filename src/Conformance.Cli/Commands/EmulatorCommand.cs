using System.CommandLine;
using Conformance.Targets;
using Conformance.Targets.Emulator;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance emulator install</c>: installs the emulator stack ahead of a run (a run does it on first use anyway).</summary>
public static class EmulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var install = new Command("install", "Install the emulator stack's pinned npm packages now (npm ci into the cache; a no-op when installed).");
        install.SetAction(async (_, cancellation) =>
        {
            try
            {
                var installation = EmulatorInstallation.Locate();
                await installation.EnsureInstalledAsync(output, cancellation);
                await output.WriteLineAsync($"emulator stack ready in {installation.InstalledDirectory}");
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
