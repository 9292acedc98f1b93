using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Parsing;

/// <summary>A feature file that could not be parsed, with the position the parser gave.</summary>
public sealed record FeatureParseError(string Uri, long Line, long Column, string Message)
{
    public override string ToString() => $"{Uri}:{Line}:{Column}: {Message}";
}

/// <summary>One loaded feature file: its source, and either its document and pickles or its parse errors.</summary>
public sealed record FeatureFile(
    string Uri,
    Source Source,
    GherkinDocument? Document,
    IReadOnlyList<Pickle> Pickles,
    IReadOnlyList<FeatureParseError> Errors)
{
    public string FeatureName => Document?.Feature?.Name ?? Path.GetFileNameWithoutExtension(Uri);
}
