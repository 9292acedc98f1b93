using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Pull.Filtering;

namespace Conformance.Engine.Pull;

/// <summary>
/// The checks <c>CreateEventSourceMapping</c> makes (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
/// A value outside the "Valid Range" or enum of the API reference is a model constraint
/// (<see cref="EngineSettings.ModelConstraintErrorType"/>); the rules the service adds inside those
/// ranges (a batch over 10 needs a window, a record age of 1–59 s, FIFO limits) answer
/// <c>InvalidParameterValueException</c>, with AWS's wording where it is known.
/// </summary>
internal sealed class MappingValidation(EngineSettings settings)
{
    public ApiResult? Common(EventSourceMappingSpec spec)
    {
        if (spec.MaximumBatchingWindowInSeconds is < 0 or > 300)
            return Range("maximumBatchingWindowInSeconds", spec.MaximumBatchingWindowInSeconds, 0, 300);
        if (spec.FunctionResponseTypes.Any(t => t != "ReportBatchItemFailures"))
            return AwsErrors.ModelConstraint(settings, "functionResponseTypes", $"[{string.Join(", ", spec.FunctionResponseTypes)}]",
                "Member must satisfy enum value set: [ReportBatchItemFailures]");
        if (spec.FilterPatterns.Count > FilterCriteria.MaximumFilters)
            return AwsErrors.InvalidParameter($"The total number of filters ({spec.FilterPatterns.Count}) exceeds the maximum of {FilterCriteria.MaximumFilters}.");
        return null;
    }

    public ApiResult? ForQueue(EventSourceMappingSpec spec, QueueSpec queue, TimeSpan? functionTimeout)
    {
        if (spec.BatchSize is < 1 or > 10_000) return Range("batchSize", spec.BatchSize, 1, 10_000);
        if (spec.MaximumConcurrency is < 2 or > 1000) return Range("scalingConfig.maximumConcurrency", spec.MaximumConcurrency, 2, 1000);
        // The wording AWS used when every SQS mapping was limited to 10 (pulumi/pulumi-aws-serverless#20, 2018).
        if (queue.Fifo && spec.BatchSize > 10) return AwsErrors.InvalidParameter("Maximum batch size must be between 1 and 10 inclusive");
        if (queue.Fifo && spec.MaximumBatchingWindowInSeconds > 0)
            return AwsErrors.InvalidParameter("Batching window is not supported for FIFO queues");
        if (spec.BatchSize > 10 && (spec.MaximumBatchingWindowInSeconds ?? 0) < 1)
            return AwsErrors.InvalidParameter("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        if (spec.StartingPosition is not null) return AwsErrors.InvalidParameter("StartingPosition is not valid for SQS event sources.");
        if (spec.ParallelizationFactor is not null || spec.BisectBatchOnFunctionError is not null || spec.MaximumRetryAttempts is not null
            || spec.MaximumRecordAgeInSeconds is not null || spec.OnFailureDestination is not null || spec.TumblingWindowInSeconds is not null)
            return AwsErrors.InvalidParameter("Unsupported MaximumRetryAttempts, MaximumRecordAgeInSeconds, ParallelizationFactor, BisectBatchOnFunctionError, TumblingWindowInSeconds or DestinationConfig for SQS event sources.");
        if (functionTimeout is { } timeout && timeout.TotalSeconds > queue.VisibilityTimeoutSeconds)
            return AwsErrors.InvalidParameter($"Queue visibility timeout: {queue.VisibilityTimeoutSeconds} seconds is less than Function timeout: {timeout.TotalSeconds:0} seconds");
        return null;
    }

    public ApiResult? ForStream(EventSourceMappingSpec spec, bool kinesis)
    {
        if (spec.BatchSize is < 1 or > 10_000) return Range("batchSize", spec.BatchSize, 1, 10_000);
        // Recorded: a missing starting position is InvalidParameterValueException, an unknown one ValidationException
        // (localstack/localstack at 8b9a79f0, test_lambda_api.snapshot.json, test_create_event_source_validation_kinesis, 2025-11-25).
        if (spec.StartingPosition is null)
            return AwsErrors.InvalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
        if (spec.StartingPosition is not ("TRIM_HORIZON" or "LATEST" or "AT_TIMESTAMP"))
            return AwsErrors.ModelConstraint(settings, "startingPosition", spec.StartingPosition, "Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
        if (spec.StartingPosition == "AT_TIMESTAMP" && !kinesis)
            return AwsErrors.InvalidParameter($"Unsupported starting position for arn type: {spec.EventSourceArn}"); // recorded in test_create_event_source_validation
        if (spec.StartingPosition == "AT_TIMESTAMP" && spec.StartingPositionTimestamp is null)
            return AwsErrors.InvalidParameter("StartingPositionTimestamp must be set when StartingPosition is AT_TIMESTAMP");
        if (spec.ParallelizationFactor is < 1 or > 10) return Range("parallelizationFactor", spec.ParallelizationFactor, 1, 10);
        if (spec.MaximumRetryAttempts is < -1 or > 10_000) return Range("maximumRetryAttempts", spec.MaximumRetryAttempts, -1, 10_000);
        if (spec.MaximumRecordAgeInSeconds is < -1 or > 604_800) return Range("maximumRecordAgeInSeconds", spec.MaximumRecordAgeInSeconds, -1, 604_800);
        // "Although values less than 60 and greater than -1 fall within the parameter's absolute range, they are not allowed" (the API reference).
        if (spec.MaximumRecordAgeInSeconds is >= 0 and < 60)
            return AwsErrors.InvalidParameter("The minimum valid value for maximum record age is 60 seconds.");
        if (spec.TumblingWindowInSeconds is < 0 or > 900) return Range("tumblingWindowInSeconds", spec.TumblingWindowInSeconds, 0, 900);
        if (spec.MaximumConcurrency is not null) return AwsErrors.InvalidParameter("ScalingConfig is supported for SQS event sources only.");
        return null;
    }

    private ApiResult Range(string field, int? value, int minimum, int maximum) =>
        AwsErrors.ModelConstraint(settings, field, value,
            value < minimum ? $"Member must have value greater than or equal to {minimum}" : $"Member must have value less than or equal to {maximum}");
}
