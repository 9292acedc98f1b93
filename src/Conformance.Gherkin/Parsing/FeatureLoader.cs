using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Parsing;

/// <summary>
/// Parses <c>.feature</c> files into Gherkin documents and pickles with the official Gherkin parser.
/// A file with syntax errors is kept, with its errors, so that one bad file never hides the others.
/// </summary>
public sealed class FeatureLoader(IIdGenerator ids)
{
    /// <summary>
    /// Loads every <c>*.feature</c> under <paramref name="featuresDirectory"/>, in ordinal path order.
    /// URIs are relative to the directory's parent (e.g. <c>features/invoke/sync.feature</c>).
    /// </summary>
    public IReadOnlyList<FeatureFile> LoadDirectory(string featuresDirectory)
    {
        var root = Path.GetFullPath(featuresDirectory);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"The features directory '{featuresDirectory}' does not exist.");
        var baseDirectory = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        return Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(baseDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(uri => Load(uri, File.ReadAllText(Path.Combine(baseDirectory, uri))))
            .ToList();
    }

    /// <summary>Parses one feature's text, named <paramref name="uri"/> in messages and errors.</summary>
    public FeatureFile Load(string uri, string text)
    {
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        try
        {
            var ast = new Parser().Parse(new StringReader(text));
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
            var pickles = document.Feature is null ? [] : new PickleCompiler(ids).Compile(document);
            return new FeatureFile(uri, source, document, pickles, []);
        }
        catch (CompositeParserException composite)
        {
            return new FeatureFile(uri, source, null, [], composite.Errors.Select(e => ToError(uri, e)).ToList());
        }
        catch (ParserException single)
        {
            return new FeatureFile(uri, source, null, [], [ToError(uri, single)]);
        }
    }

    private static FeatureParseError ToError(string uri, ParserException error)
    {
        var line = error.Location?.Line ?? 0;
        var column = error.Location?.Column ?? 0;
        // The parser prefixes its messages with "(line:column): "; the position is reported separately.
        var message = error.Message;
        var prefix = $"({line}:{column}): ";
        if (message.StartsWith(prefix, StringComparison.Ordinal)) message = message[prefix.Length..];
        return new FeatureParseError(uri, line, column, message);
    }
}
