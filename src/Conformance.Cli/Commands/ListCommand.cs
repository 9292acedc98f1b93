using System.CommandLine;
using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance list</c>: the corpus's features, scenarios and tags, and the targets with their capabilities.</summary>
public static class ListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var what = new Argument<string>("WHAT") { Description = "features, scenarios, tags or targets.", DefaultValueFactory = _ => "features" };
        what.AcceptOnlyFromAmong("features", "scenarios", "tags", "targets");
        var features = CommonOptions.Features();
        var command = new Command("list", "List the features, scenarios or tags of the corpus, or the targets and their capabilities.\n\nExamples:\n  conformance list scenarios\n  conformance list targets")
        {
            what, features,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(what)!, parsed.GetValue(features)!, output, error));
        return command;
    }

    private static int Execute(string what, string featuresOption, TextWriter output, TextWriter error)
    {
        if (what == "targets")
        {
            foreach (var name in TargetSession.Names)
                output.WriteLine($"{name,-10} {string.Join(", ", TargetSession.Declared(name).Names.Order(StringComparer.Ordinal))}");
            return ExitCodes.AllPassed;
        }
        var directory = CommonOptions.ResolveFeatures(featuresOption);
        if (directory is null)
        {
            error.WriteLine($"error: the features directory '{featuresOption}' does not exist.");
            return ExitCodes.UsageOrInputError;
        }
        var files = new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(directory);
        foreach (var problem in files.SelectMany(f => f.Errors)) error.WriteLine($"error: {problem}");
        switch (what)
        {
            case "features":
                foreach (var file in files) output.WriteLine($"{file.Uri}  {file.FeatureName}  ({file.Pickles.Count} scenarios)");
                break;
            case "scenarios":
                foreach (var file in files)
                    foreach (var pickle in file.Pickles)
                        output.WriteLine($"{file.FeatureName}: {pickle.Name}  [{string.Join(" ", pickle.Tags.Select(t => t.Name))}]");
                break;
            default:
                foreach (var tag in files.SelectMany(f => f.Pickles).SelectMany(p => p.Tags.Select(t => t.Name)).GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal))
                    output.WriteLine($"{tag.Key}  {tag.Count()}");
                break;
        }
        return files.Any(f => f.Errors.Count > 0) ? ExitCodes.UsageOrInputError : ExitCodes.AllPassed;
    }
}
