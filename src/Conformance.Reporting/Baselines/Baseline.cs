using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Baselines;

/// <summary>
/// One accepted divergence: the scenario (feature file and name), its outcome and evidence, and why it is
/// accepted. <see cref="Match"/> is <c>evidence</c> (the outcome and the observed value must both stay) or
/// <c>outcome</c> (for a divergence whose evidence varies from run to run on its target: only the outcome must stay).
/// </summary>
public sealed record BaselineEntry(string Feature, string Scenario, string Outcome, string Observed, string Reason, string? Link = null)
{
    public const string ByEvidence = "evidence";
    public const string ByOutcome = "outcome";

    public string Match { get; init; } = ByEvidence;

    public string Key => $"{Feature}: {Scenario}";
}

/// <summary>
/// A committed list of the divergences an emulator project accepts today, on one target, each with a
/// reason: <c>run --baseline</c> fails only when something changes. Outcomes are <c>failed</c> or
/// <c>unsupported</c>; the observed value is the normalised evidence (<see cref="ObservedValue"/>).
/// </summary>
public sealed record Baseline(string Target, IReadOnlyList<BaselineEntry> Entries)
{
    public const string Failed = "failed";
    public const string Unsupported = "unsupported";

    /// <summary>Reads a baseline; <see cref="InvalidDataException"/> naming the file, the line or the entry when it is wrong.</summary>
    public static Baseline Load(string path)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: line {ex.LineNumber + 1}: not valid JSON ({ex.Message.Split(" Path:")[0]})");
        }
        if (json is not JsonObject root || root["target"]?.GetValueKind() != JsonValueKind.String || root["entries"] is not JsonArray entries)
            throw new InvalidDataException($"{path}: a baseline is an object with \"target\" (text) and \"entries\" (a list).");
        var read = new List<BaselineEntry>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] as JsonObject ?? throw new InvalidDataException($"{path}: entries[{i}] is not an object.");
            string? Text(string field) => entry[field]?.GetValueKind() == JsonValueKind.String ? entry[field]!.GetValue<string>() : null;
            var (feature, scenario) = (Text("feature"), Text("scenario"));
            var at = $"{path}: entries[{i}] ({feature}: {scenario})";
            if (feature is null || scenario is null) throw new InvalidDataException($"{at}: \"feature\" and \"scenario\" are required.");
            var outcome = Text("outcome");
            if (outcome is not (Failed or Unsupported)) throw new InvalidDataException($"{at}: \"outcome\" must be \"failed\" or \"unsupported\", not {entry["outcome"]?.ToJsonString() ?? "nothing"}.");
            if (string.IsNullOrWhiteSpace(Text("reason"))) throw new InvalidDataException($"{at}: has no \"reason\"; say why this divergence is accepted.");
            var match = Text("match") ?? BaselineEntry.ByEvidence;
            if (match is not (BaselineEntry.ByEvidence or BaselineEntry.ByOutcome)) throw new InvalidDataException($"{at}: \"match\" must be \"evidence\" or \"outcome\", not {entry["match"]!.ToJsonString()}.");
            read.Add(new BaselineEntry(feature, scenario, outcome, Text("observed") ?? "", Text("reason")!, Text("link")) { Match = match });
        }
        var duplicate = read.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: {duplicate.Key} is listed {duplicate.Count()} times.");
        return new Baseline(root["target"]!.GetValue<string>(), read);
    }

    /// <summary>
    /// The divergences of the first of <paramref name="runs"/> (runs of one commit on one target); one whose
    /// evidence differs in another run is matched by its outcome only. The reasons, links and match of
    /// <paramref name="previous"/> are kept.
    /// </summary>
    public static Baseline From(IReadOnlyList<RunReport> runs, string target, Baseline? previous, string reasonForNew)
    {
        var kept = previous?.Entries.ToDictionary(e => e.Key) ?? [];
        var observedElsewhere = runs.Skip(1).SelectMany(r => r.Features.SelectMany(f => f.Scenarios.Where(s => s.IsDivergence)
            .Select(s => (Key: $"{f.Uri}: {s.Name}", Observed: ObservedValue.Normalize(s.Problem?.Message))))).ToLookup(o => o.Key, o => o.Observed);
        var entries = runs[0].Features.SelectMany(f => f.Scenarios.Where(s => s.IsDivergence).Select(s =>
        {
            var key = $"{f.Uri}: {s.Name}";
            var old = kept.GetValueOrDefault(key);
            var observed = ObservedValue.Normalize(s.Problem?.Message);
            var varies = observedElsewhere[key].Any(o => o != observed);
            return new BaselineEntry(f.Uri, s.Name, s.Status == Outcomes.Unsupported ? Unsupported : Failed, observed, old?.Reason ?? reasonForNew, old?.Link)
            {
                Match = varies || old?.Match == BaselineEntry.ByOutcome ? BaselineEntry.ByOutcome : BaselineEntry.ByEvidence,
            };
        })).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        return new Baseline(target, entries);
    }

    public static Baseline From(RunReport report, string target, Baseline? previous, string reasonForNew) => From([report], target, previous, reasonForNew);

    public string ToJson()
    {
        var json = new JsonObject
        {
            ["target"] = Target,
            ["entries"] = new JsonArray([.. Entries.Select(e =>
            {
                var entry = new JsonObject { ["feature"] = e.Feature, ["scenario"] = e.Scenario, ["outcome"] = e.Outcome, ["observed"] = e.Observed, ["reason"] = e.Reason };
                if (e.Match != BaselineEntry.ByEvidence) entry["match"] = e.Match;
                if (e.Link is not null) entry["link"] = e.Link;
                return (JsonNode)entry;
            })]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
