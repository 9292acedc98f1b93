using Conformance.Core.Functions;
using Conformance.Engine.Pull.Filtering;

namespace Conformance.Engine.Pull;

/// <summary>The checks <c>CreateEventSourceMapping</c> makes, with AWS's wording where known (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).</summary>
internal static class MappingValidation
{
    public static string? Common(EventSourceMappingSpec spec)
    {
        if (spec.MaximumBatchingWindowInSeconds is < 0 or > 300)
            return $"1 validation error detected: Value '{spec.MaximumBatchingWindowInSeconds}' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 300";
        if (spec.FunctionResponseTypes.Any(t => t != "ReportBatchItemFailures"))
            return $"1 validation error detected: Value '[{string.Join(", ", spec.FunctionResponseTypes)}]' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value set: [ReportBatchItemFailures]";
        if (spec.FilterPatterns.Count > FilterCriteria.MaximumFilters)
            return $"The total number of filters ({spec.FilterPatterns.Count}) exceeds the maximum of {FilterCriteria.MaximumFilters}.";
        return null;
    }

    public static string? ForQueue(EventSourceMappingSpec spec, QueueSpec queue, TimeSpan? functionTimeout)
    {
        var maximum = queue.Fifo ? 10 : 10_000;
        if (spec.BatchSize is < 1 || spec.BatchSize > maximum)
            return $"1 validation error detected: Value '{spec.BatchSize}' at 'batchSize' failed to satisfy constraint: Member must have value {(spec.BatchSize < 1 ? "greater than or equal to 1" : $"less than or equal to {maximum}")}";
        if (queue.Fifo && spec.MaximumBatchingWindowInSeconds > 0)
            return "Batching window is not supported for FIFO queues";
        if (spec.BatchSize > 10 && (spec.MaximumBatchingWindowInSeconds ?? 0) < 1)
            return "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10";
        if (spec.StartingPosition is not null) return "StartingPosition is not valid for SQS event sources.";
        if (spec.ParallelizationFactor is not null || spec.BisectBatchOnFunctionError is not null || spec.MaximumRetryAttempts is not null
            || spec.MaximumRecordAgeInSeconds is not null || spec.OnFailureDestination is not null || spec.TumblingWindowInSeconds is not null)
            return "Unsupported MaximumRetryAttempts, MaximumRecordAgeInSeconds, ParallelizationFactor, BisectBatchOnFunctionError, TumblingWindowInSeconds or DestinationConfig for SQS event sources.";
        if (spec.MaximumConcurrency is < 2 or > 1000)
            return $"1 validation error detected: Value '{spec.MaximumConcurrency}' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value between 2 and 1000";
        if (functionTimeout is { } timeout && timeout.TotalSeconds > queue.VisibilityTimeoutSeconds)
            return $"Queue visibility timeout: {queue.VisibilityTimeoutSeconds} seconds is less than Function timeout: {timeout.TotalSeconds:0} seconds";
        return null;
    }

    public static string? ForStream(EventSourceMappingSpec spec, bool kinesis)
    {
        if (spec.BatchSize is < 1 or > 10_000)
            return $"1 validation error detected: Value '{spec.BatchSize}' at 'batchSize' failed to satisfy constraint: Member must have value {(spec.BatchSize < 1 ? "greater than or equal to 1" : "less than or equal to 10000")}";
        if (spec.StartingPosition is null) return "StartingPosition is required for Kinesis and DynamoDB Streams event sources.";
        if (spec.StartingPosition is not ("TRIM_HORIZON" or "LATEST" or "AT_TIMESTAMP"))
            return $"1 validation error detected: Value '{spec.StartingPosition}' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]";
        if (spec.StartingPosition == "AT_TIMESTAMP" && !kinesis) return "Unsupported starting position for DynamoDB Streams: AT_TIMESTAMP";
        if (spec.StartingPosition == "AT_TIMESTAMP" && spec.StartingPositionTimestamp is null) return "StartingPositionTimestamp must be set when StartingPosition is AT_TIMESTAMP";
        if (spec.ParallelizationFactor is < 1 or > 10)
            return $"1 validation error detected: Value '{spec.ParallelizationFactor}' at 'parallelizationFactor' failed to satisfy constraint: Member must have value between 1 and 10";
        if (spec.MaximumRetryAttempts is < -1 or > 10_000)
            return $"1 validation error detected: Value '{spec.MaximumRetryAttempts}' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value between -1 and 10000";
        if (spec.MaximumRecordAgeInSeconds is { } age && age != -1 && age is < 60 or > 604_800)
            return $"1 validation error detected: Value '{age}' at 'maximumRecordAgeInSeconds' failed to satisfy constraint: Member must be -1 or between 60 and 604800";
        if (spec.TumblingWindowInSeconds is < 0 or > 900)
            return $"1 validation error detected: Value '{spec.TumblingWindowInSeconds}' at 'tumblingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900";
        if (spec.MaximumConcurrency is not null) return "ScalingConfig is supported for SQS event sources only.";
        return null;
    }
}
