using System.IO.Compression;
using Conformance.Core.Functions;

namespace Conformance.Targets.Aws;

/// <summary>
/// A user project's function as a deployment package: its code folder zipped as it is (its
/// <c>node_modules</c> included), with the probe beside it as <c>conformance-probe.js</c>. The probe is
/// the handler Lambda calls; it runs the user's handler (<c>PROBE_USER_HANDLER</c>) and only reports
/// what it received and answered to the run's observation queue.
/// </summary>
public static class UserCodePackage
{
    /// <summary>Lambda's limit for a zip uploaded with the request (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public const long DirectUploadLimitBytes = 50L * 1024 * 1024;

    private const string ProbeEntry = "conformance-probe.js";

    /// <summary>Folders of a project that are never part of its code.</summary>
    private static readonly string[] LeftOut = [".git", "reports", "features"];

    public static FunctionPackage Build(string function, FunctionCode code, string probeFile)
    {
        if (!code.IsNode) throw new NotSupportedException($"function \"{function}\": this build's AWS adapter deploys a project's own Node.js handlers only, not {code.Runtime}");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var files = Directory.GetFiles(code.Directory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(code.Directory, f).Replace('\\', '/'))
                .Where(f => !LeftOut.Any(folder => f.StartsWith(folder + "/", StringComparison.Ordinal)) && f != ProbeEntry)
                .Order(StringComparer.Ordinal);
            foreach (var file in files) ProbePackage.Add(zip, file, Path.Combine(code.Directory, file));
            ProbePackage.Add(zip, ProbeEntry, probeFile);
        }
        if (buffer.Length > DirectUploadLimitBytes)
            throw new InvalidOperationException($"function \"{function}\": its package is {buffer.Length / (1024 * 1024)} MB zipped, above Lambda's {DirectUploadLimitBytes / (1024 * 1024)} MB for a direct upload.");
        return new FunctionPackage(buffer.ToArray(), code.Runtime, "conformance-probe.handler", code.MemorySize);
    }

    /// <summary>The user's variables, and the handler the probe runs (relative to <c>LAMBDA_TASK_ROOT</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Variables(FunctionCode code)
    {
        foreach (var variable in code.Environment) yield return variable;
        var dot = code.Handler.LastIndexOf('.');
        yield return new("PROBE_USER_HANDLER", $"{code.Handler[..dot]}|{code.Handler[(dot + 1)..]}");
    }
}
