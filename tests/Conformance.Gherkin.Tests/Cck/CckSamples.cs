using Conformance.Tests.Shared;

namespace Conformance.Gherkin.Tests.Cck;

/// <summary>
/// The 46 samples of the Cucumber Compatibility Kit (npm <c>@cucumber/compatibility-kit</c> 30.0.0,
/// installed in tests/node): the supported ones with the namespace of their C# step definitions, and
/// the others with the reason they are not supported yet.
/// </summary>
public static class CckSamples
{
    public const int Total = 46;

    public static string Root => Path.Combine(RepositoryPaths.NodeTools, "node_modules", "@cucumber", "compatibility-kit", "features");

    public static string Asset(string sample, string file) => Path.Combine(Root, sample, file);

    /// <summary>Supported samples → the namespace (under Cck.Samples) of their ported step definitions.</summary>
    public static readonly IReadOnlyDictionary<string, string> Supported = new Dictionary<string, string>
    {
        ["minimal"] = "Minimal",
        ["cdata"] = "Cdata",
        ["empty"] = "Empty",
        ["backgrounds"] = "Backgrounds",
        ["rules"] = "Rules",
        ["rules-backgrounds"] = "Backgrounds",
        ["examples-tables"] = "ExamplesTables",
        ["examples-tables-undefined"] = "ExamplesTablesUndefined",
        ["examples-tables-undefined-multiple"] = "ExamplesTablesUndefined",
        ["examples-tables-attachment"] = "ExamplesTablesAttachment",
        ["multiple-features"] = "MultipleFeatures",
        ["multiple-features-reversed"] = "MultipleFeatures",
        ["unused-steps"] = "UnusedSteps",
        ["data-tables"] = "DataTables",
        ["doc-strings"] = "DocStrings",
        ["regular-expression"] = "RegularExpression",
        ["parameter-types"] = "ParameterTypes",
        ["unknown-parameter-type"] = "UnknownParameterType",
        ["undefined"] = "Undefined",
        ["undefined-multiple"] = "Undefined",
        ["ambiguous"] = "Ambiguous",
        ["pending"] = "Pending",
        ["pending-exception"] = "PendingException",
        ["skipped"] = "Skipped",
        ["skipped-exception"] = "SkippedException",
        ["stack-traces"] = "StackTraces",
        ["all-statuses"] = "AllStatuses",
        ["failedish-combinations"] = "FailedishCombinations",
        ["hooks"] = "Hooks",
        ["hooks-conditional"] = "HooksConditional",
        ["hooks-named"] = "HooksNamed",
        ["hooks-skipped"] = "HooksSkipped",
        ["hooks-undefined"] = "HooksUndefined",
        ["skipped-failing-hook"] = "SkippedFailingHook",
        ["attachments"] = "AttachmentsSample",
        ["hooks-attachment"] = "HooksAttachment",
        ["global-hooks"] = "GlobalHooks",
        ["global-hooks-attachments"] = "GlobalHooksAttachments",
        ["global-hooks-beforeall-error"] = "GlobalHooksBeforeAllError",
        ["global-hooks-afterall-error"] = "GlobalHooksAfterAllError",
    };

    /// <summary>Samples the runner does not support yet, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unsupported = new Dictionary<string, string>
    {
        ["markdown"] = "Gherkin in Markdown (.feature.md): the .NET Gherkin 43 parser reads plain Gherkin only",
        ["retry"] = "retrying failed scenarios (--retry) is not implemented",
        ["retry-ambiguous"] = "retrying failed scenarios (--retry) is not implemented",
        ["retry-pending"] = "retrying failed scenarios (--retry) is not implemented",
        ["retry-undefined"] = "retrying failed scenarios (--retry) is not implemented",
        ["test-run-exception"] = "the --error option (a run that ends in an exception) has no equivalent",
    };

    /// <summary>Sample options from the sample's .arguments.txt that the runner honours.</summary>
    public static bool RunsInReverseOrder(string sample) =>
        File.Exists(Path.Combine(Root, sample, $"{sample}.arguments.txt"))
        && File.ReadAllText(Path.Combine(Root, sample, $"{sample}.arguments.txt")).Contains("--order reverse");
}
