using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Resources;

namespace Conformance.Targets.Emulator;

/// <summary>
/// An event source mapping as the serverless.com event the offline plugins read (<c>sqs</c>, or <c>stream</c> of
/// type kinesis or dynamodb), each setting under the key serverless's schema gives it for that event: the
/// batching window is <c>maximumBatchingWindow</c> for <c>sqs</c> and <c>batchWindow</c> for <c>stream</c>
/// (serverless <c>lib/plugins/aws/package/compile/events/sqs.js</c> and <c>stream.js</c>), so serverless
/// accepts what it knows and judges the rest.
/// </summary>
public static class MappingEvents
{
    public static JsonObject ToServerlessEvent(EventSourceMappingSpec mapping)
    {
        var service = Arn.ServiceOf(mapping.EventSourceArn);
        var isSqs = service == "sqs";
        var settings = new JsonObject { ["arn"] = mapping.EventSourceArn, ["enabled"] = mapping.Enabled };
        if (!isSqs) settings["type"] = service == "kinesis" ? "kinesis" : "dynamodb";
        Set(settings, "batchSize", mapping.BatchSize);
        Set(settings, isSqs ? "maximumBatchingWindow" : "batchWindow", mapping.MaximumBatchingWindowInSeconds);
        if (mapping.StartingPosition is { } position) settings["startingPosition"] = position;
        if (mapping.StartingPositionTimestamp is { } timestamp) settings["startingPositionTimestamp"] = timestamp.ToUnixTimeSeconds();
        Set(settings, "parallelizationFactor", mapping.ParallelizationFactor);
        Set(settings, "maximumRetryAttempts", mapping.MaximumRetryAttempts);
        Set(settings, "maximumRecordAgeInSeconds", mapping.MaximumRecordAgeInSeconds);
        if (mapping.BisectBatchOnFunctionError is { } bisect) settings["bisectBatchOnFunctionError"] = bisect;
        Set(settings, "tumblingWindowInSeconds", mapping.TumblingWindowInSeconds);
        // Passed on as given, so serverless judges a type it does not know (it takes one, as a string).
        if (mapping.FunctionResponseTypes.Count == 1) settings["functionResponseType"] = mapping.FunctionResponseTypes[0];
        else if (mapping.FunctionResponseTypes.Count > 1) settings["functionResponseType"] = new JsonArray([.. mapping.FunctionResponseTypes.Select(t => (JsonNode)t)]);
        if (mapping.FilterPatterns.Count > 0)
            settings["filterPatterns"] = new JsonArray([.. mapping.FilterPatterns.Select(PatternNode)]);
        if (mapping.OnFailureDestination is { } destination) settings["destinations"] = new JsonObject { ["onFailure"] = destination };
        if (mapping.MaximumConcurrency is { } concurrency) settings["maximumConcurrency"] = concurrency;
        return new JsonObject { [isSqs ? "sqs" : "stream"] = settings };
    }

    /// <summary>A pattern as JSON; one that is not valid JSON is passed on as the text it is, for the emulator to judge.</summary>
    private static JsonNode? PatternNode(string pattern)
    {
        try
        {
            return JsonNode.Parse(pattern);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(pattern);
        }
    }

    private static void Set(JsonObject settings, string name, int? value)
    {
        if (value is { } number) settings[name] = number;
    }
}
