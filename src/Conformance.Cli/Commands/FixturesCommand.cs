using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Events.Fixtures;
using Conformance.Events.Generation;
using Conformance.Events.S3;
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
        var source = new Option<string?>("--source") { Description = $"One source's sample event instead of every fixture: {string.Join(", ", EventSamples.Sources.Keys)}." };
        source.AcceptOnlyFromAmong([.. EventSamples.Sources.Keys]);
        var count = new Option<int>("--count") { Description = "With --source: records in the batch (1 to 10000).", DefaultValueFactory = _ => 1 };
        var body = new Option<string?>("--body") { Description = "With --source: a file whose text is every record's body (SQS), data (Kinesis) or the request's body (API Gateway)." };
        var s3Versions = new Option<string>("--s3-event-versions")
        {
            Description = "With --source s3: today's unified eventVersion (unified), or the earlier 2.1/2.2/2.3 by event type (per-event-type).",
            DefaultValueFactory = _ => "unified",
        };
        s3Versions.AcceptOnlyFromAmong("unified", "per-event-type");
        generate.Options.Add(source);
        generate.Options.Add(s3Versions);
        generate.Options.Add(count);
        generate.Options.Add(body);
        generate.SetAction(parsed =>
        {
            var eras = new EventEras { S3Versioning = parsed.GetValue(s3Versions) == "per-event-type" ? S3EventVersionScheme.PerEventType : S3EventVersionScheme.Unified };
            if (parsed.GetValue(source) is { } chosen) return Sample(chosen, eras, parsed, count, seed, body, outDirectory, output, error);
            var written = FixtureCatalog.Generate(parsed.GetValue(outDirectory)!, parsed.GetValue(seed));
            output.WriteLine($"wrote {FixtureCatalog.All.Count} fixtures and the folders' SOURCES.md to {parsed.GetValue(outDirectory)}");
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

    /// <summary>One source's sample: printed, or written to --out as <c>SOURCE-event.json</c> when --out is given.</summary>
    private static int Sample(string source, EventEras eras, ParseResult parsed, Option<int> count, Option<int> seed, Option<string?> body, Option<string> outDirectory, TextWriter output, TextWriter error)
    {
        var bodyFile = parsed.GetValue(body);
        if (bodyFile is not null && !File.Exists(bodyFile))
        {
            error.WriteLine($"error: --body: {bodyFile}: no such file.");
            return ExitCodes.UsageOrInputError;
        }
        string json;
        try
        {
            json = EventSamples.Generate(source, parsed.GetValue(count), parsed.GetValue(seed), bodyFile is null ? null : File.ReadAllText(bodyFile), eras);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"error: --count: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        if (parsed.GetResult(outDirectory) is not { Implicit: false })
        {
            output.WriteLine(json);
            return ExitCodes.AllPassed;
        }
        var path = Path.Combine(parsed.GetValue(outDirectory)!, $"{source}-event.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json + "\n");
        output.WriteLine($"wrote {path}");
        return ExitCodes.AllPassed;
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

            var (shape, problems) = EventValidation.Check(json, kind);
            if (shape is null)
            {
                error.WriteLine($"error: {file}: not recognised as any event shape; pass --kind ({string.Join(", ", EventKinds.ByName.Keys)})");
                exitCode = ExitCodes.UsageOrInputError;
                continue;
            }
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
