using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine;
using Conformance.Events.Generation;

namespace Conformance.Targets.Reference;

/// <summary>
/// SQS for a user function's own code on the reference target, in SQS's JSON protocol
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html):
/// <c>GetQueueUrl</c>, <c>SendMessage</c> and <c>SendMessageBatch</c> reach the engine's queues, so a
/// message the code sends is there for the scenario's checks and for any mapping that reads that queue.
/// Other operations are refused by name.
/// </summary>
internal sealed class ReferenceSqsService(LambdaEngine engine) : UserCode.IFunctionServices
{
    private const string Prefix = "AmazonSQS.";

    public (int Status, string Body) Call(string target, string body, string endpointUrl)
    {
        var request = JsonNode.Parse(body) as JsonObject ?? [];
        return target switch
        {
            Prefix + "GetQueueUrl" => GetQueueUrl(request, endpointUrl),
            Prefix + "SendMessage" => SendMessage(request),
            Prefix + "SendMessageBatch" => SendMessageBatch(request),
            _ => Error("UnsupportedOperation", $"The reference target serves GetQueueUrl, SendMessage and SendMessageBatch to a function's code, not {target.Replace(Prefix, "", StringComparison.Ordinal)}."),
        };
    }

    private (int, string) GetQueueUrl(JsonObject request, string endpointUrl)
    {
        var name = request["QueueName"]?.ToString() ?? "";
        if (engine.Pull.QueueState(name) is null) return NoQueue();
        return (200, new JsonObject { ["QueueUrl"] = $"{endpointUrl}/{engine.Settings.AccountId}/{name}" }.ToJsonString());
    }

    private (int, string) SendMessage(JsonObject request)
    {
        var (result, id) = engine.Pull.SendMessage(QueueName(request), Message(request));
        if (!result.Succeeded) return Refused(result);
        return (200, new JsonObject { ["MessageId"] = id, ["MD5OfMessageBody"] = AwsIdentity.Md5Hex(request["MessageBody"]?.ToString() ?? "") }.ToJsonString());
    }

    private (int, string) SendMessageBatch(JsonObject request)
    {
        var (successful, failed) = (new JsonArray(), new JsonArray());
        foreach (var entry in request["Entries"]?.AsArray() ?? [])
        {
            var (result, id) = engine.Pull.SendMessage(QueueName(request), Message((JsonObject)entry!));
            if (result.Succeeded)
                successful.Add(new JsonObject { ["Id"] = entry!["Id"]?.ToString(), ["MessageId"] = id, ["MD5OfMessageBody"] = AwsIdentity.Md5Hex(entry["MessageBody"]?.ToString() ?? "") });
            else if (result.ErrorType == "AWS.SimpleQueueService.NonExistentQueue")
                return NoQueue();
            else
                failed.Add(new JsonObject { ["Id"] = entry!["Id"]?.ToString(), ["Code"] = result.ErrorType, ["Message"] = result.Message, ["SenderFault"] = true });
        }
        return (200, new JsonObject { ["Successful"] = successful, ["Failed"] = failed }.ToJsonString());
    }

    private static string QueueName(JsonObject request) => (request["QueueUrl"]?.ToString() ?? "").TrimEnd('/').Split('/')[^1];

    private static QueueMessage Message(JsonObject request) => new(request["MessageBody"]?.ToString() ?? "")
    {
        GroupId = request["MessageGroupId"]?.ToString(),
        DeduplicationId = request["MessageDeduplicationId"]?.ToString(),
        DelaySeconds = request["DelaySeconds"]?.GetValue<int>(),
        TraceHeader = request["MessageSystemAttributes"]?["AWSTraceHeader"]?["StringValue"]?.ToString(),
    };

    private static (int, string) Refused(Core.Invocation.ApiResult result) =>
        result.ErrorType == "AWS.SimpleQueueService.NonExistentQueue" ? NoQueue() : Error(result.ErrorType ?? "InvalidParameterValue", result.Message ?? "");

    private static (int, string) NoQueue() => Error("com.amazonaws.sqs#QueueDoesNotExist", "The specified queue does not exist.");

    private static (int, string) Error(string type, string message) => (400, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());
}
