using System.CommandLine;
using System.Text.Json.Nodes;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance init</c>: writes a small working user project to start from (the order-processing
/// example shipped with the tool: <c>conformance.json</c>, a Node.js handler and its spec), so that
/// <c>conformance run</c> in that folder passes at once. Existing files are never overwritten.
/// </summary>
public static class InitCommand
{
    /// <summary>The files of the example that make the starting project (its buggy first version stays out).</summary>
    private static readonly string[] ProjectFiles = ["conformance.json", "src/orders.js", "features/orders.feature"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var runtime = new Option<string>("--runtime") { Description = "The Node.js runtime of the example function (nodejs18.x, nodejs20.x or nodejs22.x).", DefaultValueFactory = _ => "nodejs20.x" };
        var directory = new Option<string>("--dir") { Description = "Where to write the project (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("init", "Write a small working project that tests your own function under Lambda's rules.\n\nExample:\n  conformance init && conformance run") { runtime, directory };
        command.SetAction(async (parsed, _) =>
        {
            var chosen = parsed.GetValue(runtime)!;
            if (chosen is not ("nodejs18.x" or "nodejs20.x" or "nodejs22.x"))
            {
                await error.WriteLineAsync($"error: --runtime: init writes a Node.js example, so nodejs18.x, nodejs20.x or nodejs22.x, not '{chosen}' (other runtimes: declare a provided.al2023 function with a bootstrap; see README).");
                return ExitCodes.UsageOrInputError;
            }
            var template = Path.Combine(AppContext.BaseDirectory, "examples", "order-processing");
            var into = Path.GetFullPath(parsed.GetValue(directory)!);
            if (ProjectFiles.Select(f => Path.Combine(into, f)).FirstOrDefault(File.Exists) is { } existing)
            {
                await error.WriteLineAsync($"error: {existing} already exists; init writes a new project and never overwrites (choose another --dir).");
                return ExitCodes.UsageOrInputError;
            }
            foreach (var file in ProjectFiles)
            {
                var destination = Path.Combine(into, file);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                var text = await File.ReadAllTextAsync(Path.Combine(template, file));
                if (file == "conformance.json") text = WithRuntime(text, chosen);
                await File.WriteAllTextAsync(destination, text);
                await output.WriteLineAsync($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, destination)}");
            }
            await output.WriteLineAsync("\nNext: conformance run   (the spec in features/ against your function in src/, on the reference engine)");
            return ExitCodes.AllPassed;
        });
        return command;
    }

    private static string WithRuntime(string configuration, string runtime)
    {
        var json = JsonNode.Parse(configuration)!;
        foreach (var (_, function) in json["functions"]!.AsObject()) function!["runtime"] = runtime;
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
