using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;
using Xunit;

namespace Conformance.Testing;

/// <summary>
/// The scenarios of a features folder as xUnit theory rows, one per scenario (outline rows included),
/// keyed by <c>uri:line</c>, named <c>Feature: Scenario</c> and carrying the tags as <c>Category</c>
/// traits. A file that does not parse becomes one row that fails with the parser's message.
/// </summary>
public static class ScenarioCatalog
{
    internal const string ParseErrorSuffix = ":parse-error";

    /// <summary>The rows of the project's <c>features</c> folder (the project found as <see cref="UserProject.Locate"/> finds it).</summary>
    public static IEnumerable<ITheoryDataRow> Rows() => Rows(Path.Combine(UserProject.Locate(), "features"));

    /// <summary>The rows of the features in <paramref name="featuresDirectory"/>.</summary>
    public static IEnumerable<ITheoryDataRow> Rows(string featuresDirectory)
    {
        foreach (var file in new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(featuresDirectory))
        {
            if (file.Errors.Count > 0)
            {
                yield return new TheoryDataRow<string>(file.Uri + ParseErrorSuffix) { TestDisplayName = $"{file.Uri}: parse error" };
                continue;
            }
            foreach (var pickle in file.Pickles)
            {
                var row = new TheoryDataRow<string>($"{pickle.Uri}:{pickle.Location?.Line}") { TestDisplayName = $"{file.FeatureName}: {pickle.Name}" };
                row.WithTrait("Feature", file.FeatureName);
                foreach (var tag in pickle.Tags) row.WithTrait("Category", tag.Name.TrimStart('@'));
                yield return row;
            }
        }
    }

    internal static string ParseErrors(string featuresDirectory, string uri) => string.Join("\n",
        new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(featuresDirectory).Where(f => f.Uri == uri).SelectMany(f => f.Errors).Select(e => e.ToString()));
}
