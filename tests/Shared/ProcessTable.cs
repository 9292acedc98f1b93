namespace Conformance.Tests.Shared;

/// <summary>The machine's processes as /proc shows them, to prove that a run left none of its own behind.</summary>
public static class ProcessTable
{
    /// <summary>Processes whose command line or working directory mentions <paramref name="marker"/>.</summary>
    public static List<string> Mentioning(string marker) =>
        [.. Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(Describe)
            .Where(process => process.Contains(marker, StringComparison.Ordinal))];

    /// <summary>Whether the process runs: a killed process waiting to be reaped by init (state Z) does not.</summary>
    public static bool IsRunning(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Describe(string directory)
    {
        try
        {
            var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            var workingDirectory = new FileInfo(Path.Combine(directory, "cwd")).LinkTarget ?? "";
            return $"{Path.GetFileName(directory)}: {commandLine} (in {workingDirectory})";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ""; // gone meanwhile, or not ours to read
        }
    }
}
