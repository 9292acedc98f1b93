using System.Text;
using Conformance.Gherkin.Parsing;
using Conformance.Reporting.Baselines;
using Conformance.Reporting.Model;
using Gherkin.CucumberMessages;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>run --baseline FILE</c>: the baseline checked before the run (it parses, every entry has a reason,
/// it was made on this target, and every entry names a scenario that exists), and the run judged
/// against it afterwards: exit 0 when nothing changed, 1 on a regression (or, with --strict, on progress).
/// </summary>
internal sealed class BaselineGate(Baseline baseline, bool strict)
{
    private (RunReport Report, IReadOnlyList<ScenarioVerdict> Verdicts)? judged;

    /// <summary>The run's verdicts, compared once: the reports and the exit code all read them.</summary>
    private IReadOnlyList<ScenarioVerdict> Verdicts(RunReport report)
    {
        if (judged is not { } last || !ReferenceEquals(last.Report, report)) judged = last = (report, BaselineComparison.Compare(report, baseline));
        return last.Verdicts;
    }

    /// <summary>Reads and checks the baseline; the problem is a usage error (exit 2) naming the file and what is wrong.</summary>
    public static (BaselineGate? Gate, string? Problem) Load(string path, bool strict, string target, string featuresDirectory)
    {
        if (!File.Exists(path)) return (null, $"--baseline: {path}: no such file.");
        Baseline baseline;
        try
        {
            baseline = Baseline.Load(path);
        }
        catch (InvalidDataException ex)
        {
            return (null, ex.Message);
        }
        if (baseline.Target != target)
            return (null, $"{path}: the baseline was made on the {baseline.Target} target and this run is on {target}; a baseline holds for its own target only.");
        var corpus = new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(featuresDirectory).SelectMany(f => f.Pickles).Select(p => (p.Uri, p.Name));
        var stale = BaselineComparison.Stale(baseline, corpus);
        if (stale.Count > 0)
            return (null, $"{path}: {stale.Count} stale {(stale.Count == 1 ? "entry names a scenario" : "entries name scenarios")} the features no longer have: "
                + string.Join("; ", stale.Select(e => e.Key)) + " (remove them, or write the baseline again with `conformance baseline write`).");
        return (new BaselineGate(baseline, strict), null);
    }

    /// <summary>The accepted divergences by <c>feature: scenario</c>, with their reasons (JUnit shows them as skipped).</summary>
    public IReadOnlyDictionary<string, string> KnownReasons(RunReport report) =>
        Verdicts(report).Where(v => v.Verdict == BaselineVerdict.Known).ToDictionary(v => v.Key, v => v.Accepted!.Reason);

    /// <summary>Each divergence's and each fixed scenario's mark for the HTML page: known, new or fixed.</summary>
    public IReadOnlyDictionary<string, string> Marks(RunReport report) => BaselineComparison.Marks(Verdicts(report));

    /// <summary>Prints every changed scenario with its old and new outcome and the evidence; returns the exit code.</summary>
    public int Judge(RunReport report, TextWriter output)
    {
        var verdicts = Verdicts(report);
        var (known, regressions, fixedOnes) = (verdicts.Count(v => v.Verdict == BaselineVerdict.Known), verdicts.Where(v => v.Verdict == BaselineVerdict.New).ToList(),
            verdicts.Where(v => v.Verdict == BaselineVerdict.Fixed).ToList());
        output.WriteLine();
        output.WriteLine($"baseline: {known} known, {regressions.Count} new, {fixedOnes.Count} fixed");
        foreach (var change in regressions)
        {
            output.WriteLine($"new     {change.Key}");
            output.WriteLine($"        was: {change.Accepted?.Outcome ?? "passed"}{(change.Accepted is { } old ? $", observed: {OneLine(old.Observed)}" : "")}");
            output.WriteLine($"        now: {change.Outcome}, observed: {OneLine(change.Observed)}");
        }
        foreach (var change in fixedOnes)
            output.WriteLine($"fixed   {change.Key}\n        was: {change.Accepted!.Outcome} ({change.Accepted.Reason}); now: passed; update the baseline (`conformance baseline write`)");
        if (regressions.Count > 0) return ExitCodes.Failures;
        return fixedOnes.Count > 0 && strict ? ExitCodes.Failures : ExitCodes.AllPassed;
    }

    /// <summary>The changes only, in Markdown, for <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public string ChangesMarkdown(RunReport report, string target)
    {
        var verdicts = Verdicts(report);
        var changes = verdicts.Where(v => v.Verdict is BaselineVerdict.New or BaselineVerdict.Fixed).ToList();
        var text = new StringBuilder($"## {target} against its baseline: {verdicts.Count(v => v.Verdict == BaselineVerdict.Known)} known, "
            + $"{changes.Count(c => c.Verdict == BaselineVerdict.New)} new, {changes.Count(c => c.Verdict == BaselineVerdict.Fixed)} fixed\n\n");
        if (changes.Count == 0) return text.Append("No change.\n").ToString();
        text.Append("| | scenario | was | now |\n|---|---|---|---|\n");
        foreach (var change in changes)
            text.Append($"| {change.Verdict.ToString().ToLowerInvariant()} | {Cell(change.Key)} | {Cell(change.Accepted?.Outcome ?? "passed")} | {Cell(change.Verdict == BaselineVerdict.Fixed ? "passed" : $"{change.Outcome}: {OneLine(change.Observed)}")} |\n");
        return text.ToString();
    }

    private static string OneLine(string text) => text.Replace("\n", " / ", StringComparison.Ordinal);

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
}
