using System.Text;
using System.Text.Json.Nodes;
using Conformance.Core.Observation;
using Conformance.Events;
using Conformance.Events.Destinations;
using Conformance.Events.EventBridge;
using Conformance.Events.Generation;
using Conformance.Core.Resources;

namespace Conformance.Engine.Destinations;

/// <summary>
/// Delivers async records to destinations and failed events to dead-letter queues (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).
/// SQS and SNS receive the record as the message; a Lambda function receives it as its event; an
/// EventBridge bus receives it as <c>detail</c> of an event with source <c>lambda</c>; S3 (on failure
/// only) stores it as an object. FIFO queues and topics are not supported targets: the delivery fails
/// and is counted, as the <c>DestinationDeliveryFailures</c> metric would.
/// </summary>
internal sealed class DestinationRouter(EngineSettings settings, AwsIdentity ids, Func<string, string, bool> invokeFunctionAsync)
{
    private readonly List<DestinationRecord> records = [];
    private readonly List<DestinationRecord> failures = [];

    public IReadOnlyList<DestinationRecord> Records => records;

    /// <summary>Deliveries that failed (unsupported target, unknown function).</summary>
    public IReadOnlyList<DestinationRecord> Failures => failures;

    public IReadOnlyList<DestinationRecord> For(string arn) => records.Where(r => r.DestinationArn == arn).ToList();

    public static string? Kind(string arn) => Arn.ServiceOf(arn);

    public static bool IsFifo(string arn) => arn.EndsWith(".fifo", StringComparison.Ordinal);

    public void Deliver(string arn, AsyncInvocationRecord record, DateTimeOffset now)
    {
        var body = EventJson.Serialize(record);
        switch (Kind(arn))
        {
            case "sqs" or "sns" when IsFifo(arn):
                failures.Add(new DestinationRecord(now, arn, body));
                return;
            case "lambda":
                if (invokeFunctionAsync(arn, body)) records.Add(new DestinationRecord(now, arn, body));
                else failures.Add(new DestinationRecord(now, arn, body));
                return;
            case "events":
                var success = record.RequestContext.Condition == "Success";
                var wrapped = new EventBridgeEvent("0", ids.Uuid(), success ? settings.EventBridgeSuccessDetailType : settings.EventBridgeFailureDetailType,
                    "lambda", settings.AccountId, AwsIdentity.IsoSeconds(now), settings.Region, [record.RequestContext.FunctionArn, arn], JsonNode.Parse(body)!);
                records.Add(new DestinationRecord(now, arn, EventJson.Serialize(wrapped)));
                return;
            case "s3":
                var key = $"aws/lambda/async/{FunctionName(record.RequestContext.FunctionArn)}/{now.UtcDateTime:yyyy/MM/dd}/{now.UtcDateTime:yyyy-MM-ddTHH.mm.ss}-{ids.Uuid()}";
                records.Add(new DestinationRecord(now, arn, body) { Attributes = new Dictionary<string, string> { ["key"] = key } });
                return;
            default:
                records.Add(new DestinationRecord(now, arn, body));
                return;
        }
    }

    /// <summary>Delivers a ready-made record (a stream mapping's on-failure record) to an SQS, SNS or S3 destination.</summary>
    public void DeliverRaw(string arn, string body, DateTimeOffset now)
    {
        var record = new DestinationRecord(now, arn, body);
        if (IsFifo(arn)) failures.Add(record);
        else records.Add(record);
    }

    /// <summary>
    /// Sends the original event to the dead-letter queue or topic with the attributes RequestID,
    /// ErrorCode (the status code) and ErrorMessage (the first 1 KB of the error).
    /// </summary>
    public void DeadLetter(string arn, string requestId, string payload, int errorCode, string errorMessage, DateTimeOffset now)
    {
        var bytes = Encoding.UTF8.GetBytes(errorMessage);
        var truncated = bytes.Length <= settings.DeadLetterErrorMessageBytes ? errorMessage : Encoding.UTF8.GetString(bytes, 0, settings.DeadLetterErrorMessageBytes);
        var attributes = new Dictionary<string, string> { ["RequestID"] = requestId, ["ErrorCode"] = errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ErrorMessage"] = truncated };
        var record = new DestinationRecord(now, arn, payload) { Attributes = attributes };
        if (IsFifo(arn)) failures.Add(record);
        else records.Add(record);
    }

    private static string FunctionName(string functionArn) => FunctionRef.Parse(functionArn).Name;
}
