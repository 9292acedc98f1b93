using Conformance.Core.Observation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Creates the destinations and dead-letter targets a scenario names, and checks what they received.</summary>
public sealed class DestinationDriver(ITarget target, FunctionDriver function, ObservationWindow window)
{
    private readonly Dictionary<string, string> arns = new(StringComparer.Ordinal);

    public static DestinationKind KindOf(string description) => description switch
    {
        "SQS queue" => DestinationKind.SqsQueue,
        "SQS FIFO queue" => DestinationKind.SqsFifoQueue,
        "SNS topic" => DestinationKind.SnsTopic,
        "EventBridge bus" => DestinationKind.EventBus,
        "S3 bucket" => DestinationKind.S3Bucket,
        "function" => DestinationKind.Function,
        _ => throw new ArgumentException($"Unknown destination kind '{description}': use SQS queue, SQS FIFO queue, SNS topic, EventBridge bus, S3 bucket or function."),
    };

    public async Task<string> CreateAsync(string kind, string name)
    {
        var destinationKind = KindOf(kind);
        if (destinationKind == DestinationKind.Function) await function.CreateOtherAsync(name);
        var arn = await target.Facet<IDestinations>().CreateDestinationAsync(destinationKind, name);
        arns[name] = arn;
        return arn;
    }

    public string Arn(string name) => arns.TryGetValue(name, out var arn) ? arn : throw new InvalidOperationException($"No destination named '{name}' was created before this step.");

    public async Task<IReadOnlyList<DestinationRecord>> RecordsAsync(string name) => await target.Facet<IDestinations>().GetDestinationRecordsAsync(Arn(name));

    /// <summary>Checks how many records a destination holds when the observation window closes; "received nothing" must hold at every look.</summary>
    public Task ExpectCountAsync(string name, int count)
    {
        async Task Check()
        {
            var records = await RecordsAsync(name);
            if (records.Count != count)
                throw new ExpectationFailedException($"'{name}' received another number of records.", $"{count}", $"{records.Count}: {string.Join(" | ", records.Select(r => Json.Compact(r.Body)))}");
        }
        return count == 0 ? window.ThroughoutAsync(Check) : window.SettledAsync(Check);
    }

    /// <summary>Checks a field of the single record <paramref name="name"/> received, by dotted path (e.g. <c>requestContext.condition</c>).</summary>
    public Task ExpectFieldAsync(string name, string path, string expected) => window.EventuallyAsync(async () =>
    {
            var record = await SingleAsync(name);
            var actual = Json.ParseOrNull(record.Body) is { } body ? Json.At(body, path) : null;
            if (!Json.Matches(actual, expected))
                throw new ExpectationFailedException($"The record in '{name}' has another {path}.", expected, actual?.ToJsonString() ?? "(absent)");
    });

    public Task ExpectNoFieldAsync(string name, string path) => window.EventuallyAsync(async () =>
    {
            var record = await SingleAsync(name);
            var actual = Json.ParseOrNull(record.Body) is { } body ? Json.At(body, path) : null;
            if (actual is not null) throw new ExpectationFailedException($"The record in '{name}' has {path}.", "(absent)", actual.ToJsonString());
    });

    public Task ExpectBodyAsync(string name, string json) => window.EventuallyAsync(async () =>
    {
            var record = await SingleAsync(name);
            if (!Json.SameValue(json, record.Body)) throw new ExpectationFailedException($"The message in '{name}' differs.", Json.Compact(json), Json.Compact(record.Body));
    });

    public Task ExpectAttributeAsync(string name, string attribute, string expected) => window.EventuallyAsync(async () =>
    {
            var record = await SingleAsync(name);
            var actual = record.Attributes.GetValueOrDefault(attribute);
            if (actual != expected) throw new ExpectationFailedException($"The message in '{name}' has another {attribute} attribute.", expected, actual ?? "(absent)");
    });

    private async Task<DestinationRecord> SingleAsync(string name)
    {
        var records = await RecordsAsync(name);
        return records.Count == 1 ? records[0] : throw new ExpectationFailedException($"'{name}' did not receive exactly one record.", "1", $"{records.Count}");
    }
}
