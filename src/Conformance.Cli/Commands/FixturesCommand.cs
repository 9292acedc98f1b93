using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Events.Fixtures;
using Conformance.Events.Validation;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance fixtures generate|validate</c>: the sample events, and checking a user's own events.</summary>
public static class FixturesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generated values.", DefaultValueFactory = _ => FixtureCatalog.DefaultSeed };
        var outDirectory = new Option<string>("--out") { Description = "Directory to write to.", DefaultValueFactory = _ => Path.Combine("fixtures", "events") };
        var generate = new Command("generate", "Write every sample event and response as <source>/<source>-<variant>-event.json.\n\nExample:\n  conformance fixtures generate --seed 7 --out my-fixtures")
        {
            seed, outDirectory,
        };
        generate.SetAction(parsed =>
        {
            var written = FixtureCatalog.Generate(parsed.GetValue(outDirectory)!, parsed.GetValue(seed));
            output.WriteLine($"wrote {written.Count} fixtures to {parsed.GetValue(outDirectory)}");
            return ExitCodes.AllPassed;
        });

        var files = new Argument<string[]>("FILE") { Description = "JSON files to check.", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string?>("--kind") { Description = $"The shape to check against (otherwise recognised from the JSON): {string.Join(", ", EventKinds.ByName.Keys)}." };
        kind.AcceptOnlyFromAmong([.. EventKinds.ByName.Keys]);
        var validate = new Command("validate", "Check event JSON against the shapes AWS delivers; name each wrong or missing field by its JSON path.\n\nExample:\n  conformance fixtures validate tests/events/*.json")
        {
            files, kind,
        };
        validate.SetAction(parsed => Validate(parsed.GetValue(files)!, parsed.GetValue(kind), output, error));

        return new Command("fixtures", "Generate the sample events, or validate your own.") { generate, validate };
    }

    private static int Validate(string[] files, string? kind, TextWriter output, TextWriter error)
    {
        var exitCode = ExitCodes.AllPassed;
        foreach (var file in files)
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {file}: cannot be read: {ex.Message}");
                exitCode = ExitCodes.UsageOrInputError;
                continue;
            }
            catch (JsonException ex)
            {
                error.WriteLine($"error: {file}: not JSON: {ex.Message}");
                exitCode = ExitCodes.UsageOrInputError;
                continue;
            }

            var shape = kind ?? EventKinds.Detect(json);
            if (shape is null)
            {
                error.WriteLine($"error: {file}: not recognised as any event shape; pass --kind ({string.Join(", ", EventKinds.ByName.Keys)})");
                exitCode = ExitCodes.UsageOrInputError;
                continue;
            }
            var problems = ShapeValidator.Validate(json, EventKinds.ByName[shape]);
            if (problems.Count == 0)
            {
                output.WriteLine($"ok      {file} ({shape})");
                continue;
            }
            output.WriteLine($"invalid {file} ({shape})");
            foreach (var problem in problems) output.WriteLine($"        {problem}");
            if (exitCode == ExitCodes.AllPassed) exitCode = ExitCodes.Failures;
        }
        return exitCode;
    }
}
