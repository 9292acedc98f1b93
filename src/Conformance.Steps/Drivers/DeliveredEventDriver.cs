using System.Text.Json;
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
    private const int ShownProblems = 8;

    /// <summary>Every event the function received has every field AWS's recording of its kind has, with the same JSON type.</summary>
    public Task ExpectRecordedShapeAsync() => window.EventuallyAsync(async () =>
        Report("The events differ from the shape AWS sends.", "every field AWS sends, with its JSON type", ShapeProblems(await EventsAsync())));

    /// <summary>Every ARN in the events names AWS's partition, a Region and an account as AWS writes them; every Region field is a Region.</summary>
    public Task ExpectWellFormedArnsAsync() => window.EventuallyAsync(async () =>
        Report("The events hold ARNs or Regions AWS would not write.", "ARNs and Regions as AWS writes them", FormProblems(await EventsAsync())));

    /// <summary>
    /// Every record of every event names <paramref name="source"/> as its <c>eventSourceARN</c>, exactly as
    /// the target answered when it created it, and carries that ARN's Region as <c>awsRegion</c>.
    /// </summary>
    public Task ExpectSourceAsync(string source) => window.EventuallyAsync(async () =>
    {
        var created = target.AsDelivered(pull.ArnOf(source));
        Arn.TryParse(created, out var arn);
        var problems = new List<string>();
        foreach (var (label, json) in await EventsAsync())
        {
            var records = json?["Records"] as JsonArray ?? [];
            if (records.Count == 0) problems.Add($"{label}: no Records");
            for (var i = 0; i < records.Count; i++)
            {
                var sourceArn = Text(records[i]?["eventSourceARN"]);
                var region = Text(records[i]?["awsRegion"]);
                if (sourceArn != created) problems.Add($"{label} Records[{i}].eventSourceARN: {Shown(sourceArn)}, not {created}");
                if (region != arn.Region) problems.Add($"{label} Records[{i}].awsRegion: {Shown(region)}, not {arn.Region} (the Region of {created})");
            }
        }
        Report($"The records do not name '{source}' as the target created it.", $"eventSourceARN {created}, awsRegion {arn.Region}", problems);
    });

    /// <summary>Every record <paramref name="destination"/> received has its kind's recorded shape, and its ARNs the forms AWS writes.</summary>
    public Task ExpectDestinationShapeAsync(string destination) => window.EventuallyAsync(async () =>
    {
        var records = await destinations.RecordsAsync(destination);
        if (records.Count == 0) throw new ExpectationFailedException($"'{destination}' received nothing.", "at least one record", "none");
        var bodies = records.Select((r, i) => ($"record {i + 1}", Json.ParseOrNull(r.Body))).ToList();
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
            .Select(name => $"message {i + 1}: no {name} attribute (it has {(r.Attributes.Count == 0 ? "none" : string.Join(", ", r.Attributes.Keys))})"));
        Report($"The messages in '{queue}' lack attributes AWS sends.", string.Join(", ", expected), problems);
    });

    private async Task<IReadOnlyList<(string Label, JsonNode? Json)>> EventsAsync()
    {
        var invocations = await target.GetInvocationsAsync(function.Name);
        if (invocations.Count == 0) throw new ExpectationFailedException("The function was not invoked.", "at least one event", "none");
        return [.. invocations.Select((r, i) => ($"event {i + 1}", Json.ParseOrNull(r.Event)))];
    }

    internal static IEnumerable<string> ShapeProblems(IEnumerable<(string Label, JsonNode? Json)> events)
    {
        foreach (var (label, json) in events)
        {
            var (kind, problems) = EventValidation.Check(json);
            if (kind is null || RecordedShapes.For(json).Count == 0)
            {
                yield return $"{label}: not recognisable as any kind of event AWS sends: {Json.Compact(json?.ToJsonString())}";
                continue;
            }
            foreach (var problem in problems) yield return $"{label} {problem}";
        }
    }

    /// <summary>Every text that is an ARN, and every <c>awsRegion</c>, <c>region</c>, <c>account</c> or <c>accountId</c> field, in AWS's forms.</summary>
    internal static IEnumerable<string> FormProblems(IEnumerable<(string Label, JsonNode? Json)> events)
    {
        foreach (var (label, json) in events)
            foreach (var (path, value) in Strings(json, "$"))
            {
                var field = path[(path.LastIndexOf('.') + 1)..];
                if (value.StartsWith("arn:", StringComparison.Ordinal))
                {
                    var problem = Arn.TryParse(value, out var arn) ? arn.Malformation() : "fewer than six parts";
                    if (problem is not null) yield return $"{label} {path}: {value}: {problem}";
                }
                else if (field is "awsRegion" or "region" && !Arn.IsRegion(value)) yield return $"{label} {path}: \"{value}\" is not a Region";
                else if (field is "account" or "accountId" && !Arn.IsAccount(value)) yield return $"{label} {path}: \"{value}\" is not an account id";
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

    private static void Report(string headline, string expected, IEnumerable<string> problems)
    {
        var all = problems.ToList();
        if (all.Count == 0) return;
        var shown = string.Join("; ", all.Take(ShownProblems)) + (all.Count > ShownProblems ? $"; and {all.Count - ShownProblems} more" : "");
        throw new ExpectationFailedException(headline, expected, shown);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static string Shown(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
