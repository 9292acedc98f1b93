using System.IO.Compression;

namespace Conformance.Targets.Aws;

/// <summary>What <c>CreateFunction</c> deploys: the zip, its runtime and handler, and the memory size.</summary>
public sealed record FunctionPackage(byte[] Zip, string Runtime, string Handler, int MemorySize);

/// <summary>The probe function as a deployment package: a zip holding <c>probe.js</c> at its root.</summary>
public static class ProbePackage
{
    /// <summary>Every entry's time, so the same files give the same bytes on every run.</summary>
    internal static readonly DateTimeOffset EntryTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Zip(string probeFile)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true)) Add(zip, "probe.js", probeFile);
        return buffer.ToArray();
    }

    public static FunctionPackage Of(byte[] zip) => new(zip, "nodejs20.x", "probe.handler", 128);

    internal static void Add(ZipArchive zip, string name, string file)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var source = File.OpenRead(file);
        source.CopyTo(stream);
    }
}
