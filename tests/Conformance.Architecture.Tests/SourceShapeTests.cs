using System.Text.RegularExpressions;
using Conformance.Tests.Shared;

namespace Conformance.Architecture.Tests;

/// <summary>Files a newcomer can read whole: none over 14 KB, and no class spread over several files to hide its size.</summary>
public sealed partial class SourceShapeTests
{
    private const int MaximumBytes = 14 * 1024;

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void No_source_file_is_over_14_kilobytes()
    {
        var large = SourceFiles().Where(f => new FileInfo(f).Length > MaximumBytes)
            .Select(f => $"{Path.GetRelativePath(RepositoryPaths.Root, f)} ({new FileInfo(f).Length} bytes)");
        large.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^\s*(?:public |internal |private |protected )*(?:sealed |static |abstract )*partial (?:class|record|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PartialDeclaration();

    [Fact]
    public void No_type_is_split_over_several_files()
    {
        var declarations = SourceFiles()
            .SelectMany(f => PartialDeclaration().Matches(File.ReadAllText(f)).Select(m => (Type: m.Groups["name"].Value, File: f)))
            .GroupBy(d => d.Type)
            .Where(g => g.Select(d => d.File).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => Path.GetFileName(d.File)))}");
        declarations.ShouldBeEmpty("a partial declaration is for generated regexes, in one file");
    }
}
