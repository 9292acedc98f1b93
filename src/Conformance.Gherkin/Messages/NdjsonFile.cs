using System.Text;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Messages;

/// <summary>Reads and writes message streams as NDJSON files (one envelope per line).</summary>
public static class NdjsonFile
{
    /// <summary>
    /// Writes the envelopes to a temporary file beside <paramref name="path"/> and then moves it into
    /// place, so a reader never sees half a file.
    /// </summary>
    public static void Write(string path, IEnumerable<Envelope> envelopes) => WriteLines(path, envelopes.Select(MessagesJson.Serialize));

    /// <summary>Writes already serialised envelopes, one per line, atomically.</summary>
    public static void WriteLines(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (var line in lines) writer.WriteLine(line);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static IReadOnlyList<Envelope> Read(string path)
    {
        var result = new List<Envelope>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                result.Add(MessagesJson.Deserialize(line));
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a Cucumber message: {ex.Message}", ex);
            }
        }
        return result;
    }
}
