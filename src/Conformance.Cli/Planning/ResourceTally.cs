using System.Text.RegularExpressions;

namespace Conformance.Cli.Planning;

/// <summary>
/// What a scenario creates on a real target, read from its step texts: each function, queue, stream,
/// table, bucket, API, schedule rule and event source mapping its steps set up. Every one of them is
/// removed when the scenario ends.
/// </summary>
internal static partial class ResourceTally
{
    public static readonly IReadOnlyList<string> Kinds =
        ["function", "queue", "stream", "table", "bucket", "API", "schedule rule", "event source mapping"];

    public static IReadOnlyDictionary<string, int> Of(IEnumerable<string> stepTexts)
    {
        var counts = Kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var text in stepTexts)
            if (KindOf(text.Trim()) is { } kind) counts[kind]++;
        return counts;
    }

    private static string? KindOf(string step) => step switch
    {
        _ when FunctionStep().IsMatch(step) => "function",
        _ when step.StartsWith("an SQS ", StringComparison.Ordinal) => "queue",
        _ when step.StartsWith("a Kinesis stream ", StringComparison.Ordinal) => "stream",
        _ when step.StartsWith("a DynamoDB table ", StringComparison.Ordinal) => "table",
        _ when BucketStep().IsMatch(step) => "bucket",
        _ when step.StartsWith("a REST API ", StringComparison.Ordinal) || step.StartsWith("an HTTP API ", StringComparison.Ordinal) => "API",
        _ when step.StartsWith("a rule ", StringComparison.Ordinal) => "schedule rule",
        _ when MappingStep().IsMatch(step) => "event source mapping",
        _ => null,
    };

    [GeneratedRegex(@"^a function (that|with|named)\b")]
    private static partial Regex FunctionStep();

    [GeneratedRegex(@"^(a|an S3|a versioned) bucket\b")]
    private static partial Regex BucketStep();

    [GeneratedRegex(@"^the function (polls|reads|is mapped to) ")]
    private static partial Regex MappingStep();
}
