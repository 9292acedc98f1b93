using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conformance.Events.EventBridge;

/// <summary>
/// An EventBridge event: the scheduled-rule event has <c>detail-type</c> "Scheduled Event", source
/// "aws.events", the rule's ARN in <c>resources</c> and an empty <c>detail</c> (https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html,
/// https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html; https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html).
/// The async destination record sent to a bus uses the same envelope with source "lambda".
/// </summary>
public sealed record EventBridgeEvent(
    string Version,
    string Id,
    [property: JsonPropertyName("detail-type")] string DetailType,
    string Source,
    string Account,
    string Time,
    string Region,
    IReadOnlyList<string> Resources,
    JsonNode Detail) : EventShape;
