using System.IO.Compression;

namespace Conformance.Targets.Aws;

/// <summary>The probe function as a deployment package: a zip holding <c>probe.js</c> at its root.</summary>
public static class ProbePackage
{
    public static byte[] Zip(string probeFile)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("probe.js", CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same bytes on every run
            using var stream = entry.Open();
            using var source = File.OpenRead(probeFile);
            source.CopyTo(stream);
        }
        return buffer.ToArray();
    }
}
