using System.CommandLine;

namespace Conformance.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Features() =>
        new("--features") { Description = "Directory of .feature files (default: ./features, else the corpus shipped with the tool).", DefaultValueFactory = _ => "features" };

    /// <summary>The features directory: as given, or, for the default, the corpus shipped beside the tool.</summary>
    public static string? ResolveFeatures(string option)
    {
        if (Directory.Exists(option)) return option;
        if (option != "features") return null;
        var shipped = Path.Combine(AppContext.BaseDirectory, "features");
        return Directory.Exists(shipped) ? shipped : null;
    }
}
