using Conformance.Cli.Commands;

namespace Conformance.Cli.Tests.Commands;

/// <summary>Runs the <c>conformance</c> command in process, in a temporary working directory.</summary>
internal sealed class CliHarness : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cli-tests");

    public string Path(params string[] parts) => System.IO.Path.Combine([Directory.FullName, .. parts]);

    public void WriteFeature(string name, string text)
    {
        var path = Path("features", name);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Directory.FullName;
        try
        {
            var exitCode = await ConformanceCommand.RunAsync(args, output, error);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    public void Dispose() => Directory.Delete(recursive: true);
}
