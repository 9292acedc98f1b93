using Conformance.Core.Functions;
using Conformance.Targets.UserCode;

namespace Conformance.Testing;

/// <summary>
/// A project whose functions a test project checks: the folder holding <c>conformance.json</c> (its
/// functions) and the features to run. Found by walking up from the test's output folder unless given.
/// </summary>
public sealed class UserProject
{
    public const string ConfigurationFile = "conformance.json";

    private UserProject(string directory, IReadOnlyList<DeclaredFunction> functions)
    {
        Directory = directory;
        Functions = DeclaredFunctions.Of(functions);
    }

    public string Directory { get; }

    public DeclaredFunctions Functions { get; }

    /// <summary>
    /// Loads the project in <paramref name="directory"/>, or in the nearest folder above the test's output
    /// that holds a <c>conformance.json</c>. Every function's runtime is checked first, so a missing handler
    /// file or runtime fails with its cause, not scenario by scenario.
    /// </summary>
    public static UserProject Load(string? directory = null)
    {
        var folder = Locate(directory);
        var path = Path.Combine(folder, ConfigurationFile);
        if (!File.Exists(path)) throw new InvalidOperationException($"{path}: no such file.");
        var functions = FunctionDeclarations.Load(path);
        foreach (var function in functions)
            if (RuntimeLaunch.For(function.Name, function.Code).Problem is { } problem) throw new InvalidOperationException(problem);
        return new UserProject(folder, functions);
    }

    /// <summary>The project's folder: <paramref name="directory"/>, or the nearest one above the test's output that holds a <c>conformance.json</c>.</summary>
    public static string Locate(string? directory = null) =>
        directory is not null ? Path.GetFullPath(directory) : Find(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No {ConfigurationFile} was found in {AppContext.BaseDirectory} or above it; give SuiteOptions.ProjectDirectory.");

    internal static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, ConfigurationFile))) return folder.FullName;
        return null;
    }
}
