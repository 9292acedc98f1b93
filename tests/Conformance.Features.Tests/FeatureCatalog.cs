using Conformance.Tests.Shared;
using Conformance.Gherkin.Parsing;
using Conformance.Gherkin.Tags;
using Gherkin.CucumberMessages;

namespace Conformance.Features.Tests;

/// <summary>
/// The scenarios of <c>features/</c> as xUnit rows, one per pickle, keyed by <c>uri:line</c> (stable
/// between discovery and execution), named <c>Feature: Scenario</c> and carrying the tags as
/// <c>Category</c> traits. A file that does not parse becomes one failing row instead of breaking discovery.
/// The environment variable <c>CONFORMANCE_TAGS</c> (a tag expression) narrows the rows, for selections
/// that trait filters cannot express, e.g. <c>CONFORMANCE_TAGS="@async and not @needs:virtual-time"</c>.
/// </summary>
public static class FeatureCatalog
{
    public const string ParseErrorSuffix = ":parse-error";

    private static readonly TagExpression Selection = TagExpression.Parse(Environment.GetEnvironmentVariable("CONFORMANCE_TAGS") ?? "");

    private static readonly Lazy<IReadOnlyList<FeatureFile>> Files =
        new(() => new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(RepositoryPaths.Features));

    public static IEnumerable<ITheoryDataRow> Rows()
    {
        foreach (var file in Files.Value)
        {
            if (file.Errors.Count > 0)
            {
                yield return new TheoryDataRow<string>(file.Uri + ParseErrorSuffix) { Label = "", TestDisplayName = $"{file.Uri}: parse error" };
                continue;
            }
            foreach (var pickle in file.Pickles.Where(p => Selection.Evaluate(p.Tags.Select(t => t.Name).ToList())))
            {
                var row = new TheoryDataRow<string>($"{pickle.Uri}:{pickle.Location?.Line}")
                {
                    Label = "",
                    TestDisplayName = $"{file.FeatureName}: {pickle.Name}",
                };
                row.WithTrait("Feature", file.FeatureName);
                foreach (var tag in pickle.Tags) row.WithTrait("Category", tag.Name.TrimStart('@'));
                yield return row;
            }
        }
    }

    public static IEnumerable<string> ParseErrors(string uri) =>
        Files.Value.Where(f => f.Uri == uri).SelectMany(f => f.Errors).Select(e => e.ToString());
}
