namespace Conformance.Tests.Shared;

/// <summary>Finds the repository's folders from the test binaries, wherever the clone is.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Features => Path.Combine(Root, "features");

    /// <summary>The Node tools the tests use (installed by <c>./test.sh</c>).</summary>
    public static string NodeTools => Path.Combine(Root, "tests", "node");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Conformance.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException($"No Conformance.sln above {AppContext.BaseDirectory}.");
    }
}
