namespace Conformance.Events.Batches;

/// <summary>
/// A partial batch response (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html): the item identifier is
/// the SQS <c>messageId</c>, or the Kinesis / DynamoDB sequence number.
/// </summary>
public sealed record BatchItemFailuresResponse(IReadOnlyList<BatchItemFailure>? BatchItemFailures) : EventShape;

public sealed record BatchItemFailure(string? ItemIdentifier) : EventShape;
