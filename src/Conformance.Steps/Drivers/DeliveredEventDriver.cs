using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Conformance.Core.Resources;
using Conformance.Core.Targets;
using Conformance.Events.Validation;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Judges what a target delivers against what AWS delivers: each event the function received, and each
/// record a destination received, is compared with AWS's shape for its kind (every field, with its JSON
/// type; <see cref="EventValidation"/>), its ARNs and Regions with the forms AWS writes, and a
/// pull source's records with the resource the scenario created.
/// </summary>
public sealed class DeliveredEventDriver(ITarget target, FunctionDriver function, PullSourceDriver pull, DestinationDriver destinations, ObservationWindow window)
{
    private const int ShownProblems = 12;

    /// <summary>
    /// Every event the function received is as AWS sends its kind: every field AWS's recording has, with
    /// the same JSON type, every ARN, Region and account id in AWS's forms, and, for a pull source, every
    /// record's <c>eventSourceARN</c> the ARN the target gave <paramref name="source"/> when it created it,
    /// with that ARN's Region as <c>awsRegion</c>. All the differences are named at once.
    /// </summary>
    public Task ExpectAsAwsSendsAsync(string? source = null) => window.EventuallyAsync(async () =>
    {
        var events = await EventsAsync();
        List<Problem> problems = [.. ShapeProblems(events), .. FormProblems(events)];
        var expected = "every field AWS sends, with its JSON type; ARNs, Regions and accounts as AWS writes them";
        if (source is not null)
        {
            var created = target.AsDelivered(pull.ArnOf(source));
            problems.AddRange(SourceProblems(events, created));
            expected += $"; eventSourceARN {created}";
        }
        Report("The events differ from what AWS sends.", expected, problems);
    });

    /// <summary>Every record <paramref name="destination"/> received has its kind's recorded shape, and its ARNs the forms AWS writes.</summary>
    public Task ExpectDestinationShapeAsync(string destination) => window.EventuallyAsync(async () =>
    {
        var records = await destinations.RecordsAsync(destination);
        if (records.Count == 0) throw new ExpectationFailedException($"'{destination}' received nothing.", "at least one record", "none");
        var bodies = records.Select(r => Json.ParseOrNull(r.Body)).ToList();
        Report($"The records in '{destination}' differ from what AWS sends.", "every field AWS sends, with its JSON type; ARNs as AWS writes them",
            [.. ShapeProblems(bodies), .. FormProblems(bodies)]);
    });

    /// <summary>
    /// Every message in the dead-letter queue <paramref name="queue"/> carries the message attributes AWS's
    /// recording of one has (<c>RequestID</c>, <c>ErrorCode</c>, <c>ErrorMessage</c>), each with a value.
    /// </summary>
    public Task ExpectDeadLetterAttributesAsync(string queue) => window.EventuallyAsync(async () =>
    {
        var expected = RecordedShapes.All["dead-letter"].Fields.Keys
            .Select(path => path.Split('.')).Where(parts => parts.Length == 4 && parts[1] == "MessageAttributes" && parts[3] == "StringValue")
            .Select(parts => parts[2]).Order(StringComparer.Ordinal).ToList();
        var records = await destinations.RecordsAsync(queue);
        if (records.Count == 0) throw new ExpectationFailedException($"'{queue}' received nothing.", "at least one message", "none");
        var problems = records.SelectMany((r, i) => expected.Where(name => string.IsNullOrEmpty(r.Attributes.GetValueOrDefault(name)))
            .Select(name => new Problem($"$[{i}].MessageAttributes.{name}", $"missing (it has {(r.Attributes.Count == 0 ? "none" : string.Join(", ", r.Attributes.Keys))})")));
        Report($"The messages in '{queue}' lack attributes AWS sends.", string.Join(", ", expected), problems);
    });

    private async Task<IReadOnlyList<JsonNode?>> EventsAsync()
    {
        var invocations = await target.GetInvocationsAsync(function.Name);
        if (invocations.Count == 0) throw new ExpectationFailedException("The function was not invoked.", "at least one event", "none");
        return [.. invocations.Select(r => Json.ParseOrNull(r.Event))];
    }

    /// <summary>A difference from what AWS sends: where (a JSON path) and what.</summary>
    internal sealed record Problem(string Path, string Message);

    internal static IEnumerable<Problem> ShapeProblems(IEnumerable<JsonNode?> events)
    {
        foreach (var json in events)
        {
            var (kind, problems) = EventValidation.Check(json);
            if (kind is null || RecordedShapes.For(json).Count == 0)
            {
                yield return new("$", $"not recognisable as any kind of event AWS sends: {Json.Compact(json?.ToJsonString())}");
                continue;
            }
            foreach (var problem in problems) yield return new(problem.Path, problem.Message);
        }
    }

    /// <summary>Every text that is an ARN, and every <c>awsRegion</c>, <c>region</c>, <c>account</c> or <c>accountId</c> field, in AWS's forms.</summary>
    internal static IEnumerable<Problem> FormProblems(IEnumerable<JsonNode?> events)
    {
        foreach (var json in events)
            foreach (var (path, value) in Strings(json, "$"))
            {
                var field = path[(path.LastIndexOf('.') + 1)..];
                if (value.StartsWith("arn:", StringComparison.Ordinal))
                {
                    var problem = Arn.TryParse(value, out var arn) ? arn.Malformation() : "fewer than six parts";
                    if (problem is not null) yield return new(path, $"{value}: {problem}");
                }
                else if (field is "awsRegion" or "region" && !Arn.IsRegion(value)) yield return new(path, $"\"{value}\" is not a Region");
                else if (field is "account" or "accountId" && !Arn.IsAccount(value)) yield return new(path, $"\"{value}\" is not an account id");
            }
    }

    /// <summary>Every record names <paramref name="created"/> as its <c>eventSourceARN</c>, with its Region as <c>awsRegion</c>.</summary>
    internal static IEnumerable<Problem> SourceProblems(IEnumerable<JsonNode?> events, string created)
    {
        Arn.TryParse(created, out var arn);
        foreach (var json in events)
        {
            var records = json?["Records"] as JsonArray ?? [];
            if (records.Count == 0) yield return new("$.Records", "none: not a batch of records");
            for (var i = 0; i < records.Count; i++)
            {
                var sourceArn = Text(records[i]?["eventSourceARN"]);
                var region = Text(records[i]?["awsRegion"]);
                if (sourceArn != created) yield return new($"$.Records[{i}].eventSourceARN", $"{Shown(sourceArn)}, not the source's {created}");
                if (region != arn.Region) yield return new($"$.Records[{i}].awsRegion", $"{Shown(region)}, not {arn.Region}, the source's Region");
            }
        }
    }

    /// <summary>The string values of a JSON tree with their paths (an SQS body or Kinesis data stays one string: it is the sender's content).</summary>
    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    foreach (var item in Strings(child, $"{path}.{name}")) yield return item;
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var item in Strings(array[i], $"{path}[{i}]")) yield return item;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                yield return (path, value.GetValue<string>());
                break;
        }
    }

    /// <summary>
    /// Fails with every kind of problem, each once: the same difference in several records or events (a
    /// path that differs only in its index, a message that differs only in a quoted value) is one line,
    /// so the evidence does not depend on how many events a target happened to deliver.
    /// </summary>
    internal static void Report(string headline, string expected, IEnumerable<Problem> problems)
    {
        var lines = problems
            .GroupBy(p => (Path: Regex.Replace(p.Path, @"\[\d+\]", "[*]"), Kind: Regex.Replace(p.Message, "\"[^\"]*\"", "\"…\"")))
            .Select(g => $"{g.Key.Path}: {g.First().Message}")
            .ToList();
        if (lines.Count == 0) return;
        var shown = string.Join("; ", lines.Take(ShownProblems)) + (lines.Count > ShownProblems ? $"; and {lines.Count - ShownProblems} more" : "");
        throw new ExpectationFailedException(headline, expected, shown);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static string Shown(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
