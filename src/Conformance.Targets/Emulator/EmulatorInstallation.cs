using System.Security.Cryptography;
using Conformance.Targets.Processes;

namespace Conformance.Targets.Emulator;

/// <summary>
/// The emulator stack's files (<c>emulator/</c>: the pinned package.json and lockfile, the Node
/// wrappers) and the probe function (<c>src/probe/probe.js</c>), found beside the tool or in
/// the repository, and the stack's npm packages, installed on first use with <c>npm ci</c> into a cache
/// folder keyed by the lockfile's hash, so every clone and run shares one install.
/// </summary>
/// <param name="StackDirectory">The stack's own folder (<c>emulator/</c>, <c>emulator-aws-lambda/</c>).</param>
/// <param name="ProbeFile">The probe function.</param>
/// <param name="SharedFiles">Files of another stack's folder this one runs too (the guard).</param>
public sealed record EmulatorInstallation(string StackDirectory, string ProbeFile, IReadOnlyList<string>? SharedFiles = null)
{
    /// <summary>The folder holding <c>node_modules</c> once <see cref="EnsureInstalledAsync"/> ran.</summary>
    public string InstalledDirectory { get; private set; } = StackDirectory;

    public string NodeModules => Path.Combine(InstalledDirectory, "node_modules");

    /// <summary>The stack's files: every file of its folder (package.json, the lockfile, .npmrc, its Node wrappers), and the shared ones.</summary>
    private IEnumerable<string> StackFiles => Directory.GetFiles(StackDirectory).Concat(SharedFiles ?? []);

    /// <summary>The serverless-offline stack's files beside the tool (a packaged install) or in the repository the command runs in.</summary>
    public static EmulatorInstallation Locate() => Locate("emulator");

    /// <summary>The files of the stack in <paramref name="folder"/>; a stack other than <c>emulator/</c> also runs that one's guard.</summary>
    public static EmulatorInstallation Locate(string folder)
    {
        foreach (var root in Candidates())
        {
            var stack = Path.Combine(root, folder);
            var guard = Path.Combine(root, "emulator", "guard.cjs");
            var probe = new[] { Path.Combine(root, "probe", "probe.js"), Path.Combine(root, "src", "probe", "probe.js") }.FirstOrDefault(File.Exists);
            if (File.Exists(Path.Combine(stack, "package-lock.json")) && File.Exists(guard) && probe is not null)
                return new EmulatorInstallation(stack, probe, folder == "emulator" ? null : [guard]);
        }
        throw new TargetUnavailableException($"the stack's files ({folder}/package-lock.json, emulator/guard.cjs and the probe function) were not found beside the tool or in this repository.");
    }

    /// <summary>The arguments that run <paramref name="program"/> under <c>guard.cjs</c>, which kills it when the harness goes away.</summary>
    public IEnumerable<string> Guarded(string program, IEnumerable<string> arguments) =>
        [Path.Combine(InstalledDirectory, "guard.cjs"), program, .. arguments];

    private static async Task<FileStream> LockAsync(string path, TextWriter progress, CancellationToken cancellation)
    {
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!told) await progress.WriteLineAsync("Another process is installing the emulator stack; waiting for it ...");
                told = true;
                await Task.Delay(1000, cancellation);
            }
        }
    }

    private static IEnumerable<string> Candidates()
    {
        yield return AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
            yield return directory.FullName;
    }

    /// <summary>
    /// Puts one of the stack's files into the shared install. Another run or test process may be starting
    /// <c>node guard.cjs</c> from it at this moment, and a file truncated and rewritten in place reads as an
    /// empty script that exits 0 at once; so a file is replaced only when it changed, and then whole (a new
    /// file renamed over the old one).
    /// </summary>
    public static void CopyWhole(string source, string destination)
    {
        var content = File.ReadAllBytes(source);
        if (File.Exists(destination) && File.ReadAllBytes(destination).AsSpan().SequenceEqual(content)) return;
        var temporary = $"{destination}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, destination, overwrite: true);
    }

    /// <summary>Installs the npm packages unless this lockfile's install is already complete; progress goes to <paramref name="progress"/>.</summary>
    public async Task EnsureInstalledAsync(TextWriter progress, CancellationToken cancellation)
    {
        var lockHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(StackDirectory, "package-lock.json"))))[..16];
        var cacheRoot = Environment.GetEnvironmentVariable("CONFORMANCE_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "lambda-conformance");
        var folder = Path.GetFileName(StackDirectory.TrimEnd(Path.DirectorySeparatorChar));
        InstalledDirectory = Path.Combine(cacheRoot, $"{folder}-{lockHash}");
        Directory.CreateDirectory(InstalledDirectory);
        foreach (var file in StackFiles)
            CopyWhole(file, Path.Combine(InstalledDirectory, Path.GetFileName(file)));
        var marker = Path.Combine(InstalledDirectory, "node_modules", ".installed");
        if (File.Exists(marker)) return;
        // Two runs (or two test processes) installing at once would corrupt node_modules: one installs, the other waits.
        await using var installLock = await LockAsync(Path.Combine(cacheRoot, $"{folder}-{lockHash}.lock"), progress, cancellation);
        if (File.Exists(marker)) return;

        await progress.WriteLineAsync($"Installing the emulator stack (npm ci, first use only) into {InstalledDirectory} ...");
        ChildProcess npm;
        try
        {
            npm = ChildProcess.Start("npm ci", "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], InstalledDirectory, null, _ => false);
        }
        catch (ChildProcessFailedException ex)
        {
            throw new TargetUnavailableException($"{ex.Message} The emulator target needs Node.js 20 with npm.");
        }
        await using var stopsNpm = npm;
        npm.LineWritten += line => progress.WriteLine($"  npm: {line}");
        int exit;
        try
        {
            exit = await npm.WaitForExitAsync(TimeSpan.FromMinutes(15), cancellation);
        }
        catch (ChildProcessFailedException ex)
        {
            throw new TargetUnavailableException($"installing the emulator stack did not finish: {ex.Message}\n{ex.Output}");
        }
        if (exit != 0) throw new TargetUnavailableException($"installing the emulator stack failed (npm ci exited with {exit}):\n{npm.RecentOutput}");
        await File.WriteAllTextAsync(marker, lockHash, cancellation);
        await progress.WriteLineAsync("Emulator stack installed.");
    }
}
