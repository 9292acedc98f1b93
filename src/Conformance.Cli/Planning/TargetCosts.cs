namespace Conformance.Cli.Planning;

/// <summary>
/// The rough costs a plan multiplies out, per kind of target. They are estimates, measured on no
/// particular account: the set-up times are what the AWS APIs typically take to make a resource ready
/// (a function to become Active, a stream ACTIVE, a mapping to start polling), and the request counts
/// are the calls the adapter makes to create, wait for, observe and remove each thing.
/// </summary>
internal sealed record TargetCosts(IReadOnlyDictionary<string, TimeSpan> SetUpTimes, int RequestsPerResource, int RequestsPerStep, double RequestsPerSecondOfWait)
{
    public static TargetCosts For(string target) => target switch
    {
        "aws" => new(Times(function: 8, queue: 1, stream: 20, table: 10, bucket: 1, api: 5, rule: 1, mapping: 45), 4, 2, 1),
        "localstack" => new(Times(function: 3, queue: 0.2, stream: 2, table: 1, bucket: 0.2, api: 1, rule: 0.2, mapping: 5), 4, 2, 1),
        "emulator" => new(Times(function: 4, queue: 0.1, stream: 0.2, table: 0.2, bucket: 0.1, api: 0, rule: 0, mapping: 1), 2, 1, 0.5),
        "serverless-aws-lambda" => new(Times(function: 4, queue: 0, stream: 0, table: 0, bucket: 0, api: 0, rule: 0, mapping: 1), 2, 1, 0.5),
        _ => new(Times(0, 0, 0, 0, 0, 0, 0, 0), 0, 0, 0),
    };

    private static Dictionary<string, TimeSpan> Times(double function, double queue, double stream, double table, double bucket, double api, double rule, double mapping) =>
        new(StringComparer.Ordinal)
        {
            ["function"] = TimeSpan.FromSeconds(function), ["queue"] = TimeSpan.FromSeconds(queue), ["stream"] = TimeSpan.FromSeconds(stream),
            ["table"] = TimeSpan.FromSeconds(table), ["bucket"] = TimeSpan.FromSeconds(bucket), ["API"] = TimeSpan.FromSeconds(api),
            ["schedule rule"] = TimeSpan.FromSeconds(rule), ["event source mapping"] = TimeSpan.FromSeconds(mapping),
        };

    public TimeSpan SetUp(IReadOnlyDictionary<string, int> resources) =>
        resources.Aggregate(TimeSpan.Zero, (sum, r) => sum + (SetUpTimes.TryGetValue(r.Key, out var each) ? each * r.Value : TimeSpan.Zero));

    /// <summary>Create, wait and remove each resource; one call or two per step; the observation queue read about once a second of waiting.</summary>
    public int Requests(PlannedScenario scenario) =>
        RequestsPerResource * scenario.Resources.Values.Sum() + RequestsPerStep * scenario.Steps + (int)(RequestsPerSecondOfWait * scenario.Waits.TotalSeconds);

    /// <summary>
    /// At least one invocation per step that acts (an invoke, a message sent, a record put, a request
    /// made); retries and batches change the real number, which only the run knows.
    /// </summary>
    public int Invocations(PlannedScenario scenario) => scenario.Actions;
}
