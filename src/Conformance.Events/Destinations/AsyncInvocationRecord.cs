using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.Destinations;

/// <summary>
/// The record an async invocation sends to its on-success or on-failure destination
/// (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
/// An event dropped before it ever ran may lack the response context and payload.
/// </summary>
public sealed record AsyncInvocationRecord(
    string Version,
    string Timestamp,
    AsyncRequestContext RequestContext,
    JsonNode? RequestPayload,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AsyncResponseContext? ResponseContext,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? ResponsePayload) : EventShape;

/// <summary><c>condition</c>: <c>Success</c>, <c>RetriesExhausted</c> or <c>EventAgeExceeded</c>.</summary>
public sealed record AsyncRequestContext(string RequestId, string FunctionArn, string Condition, int ApproximateInvokeCount) : EventShape;

public sealed record AsyncResponseContext(
    int StatusCode,
    string ExecutedVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FunctionError) : EventShape;
