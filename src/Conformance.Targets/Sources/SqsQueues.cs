using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Sources;

/// <summary>
/// The SQS operations of the real targets through AWSSDK.SQS, on physical queue names; the same for the
/// emulator's local-aws-sqs, LocalStack and AWS.
/// </summary>
public sealed class SqsQueues(AmazonSQSClient sqs, Func<string, string> queueUrl, Func<string, string> queueArn)
{
    public async Task<ApiResult> CreateAsync(string physicalName, QueueSpec queue, string? deadLetterPhysicalName, string runId, CancellationToken cancellation)
    {
        var attributes = new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = $"{queue.VisibilityTimeoutSeconds}",
            ["DelaySeconds"] = $"{queue.DelaySeconds}",
        };
        if (queue.Fifo) attributes["FifoQueue"] = "true";
        if (deadLetterPhysicalName is not null)
            attributes["RedrivePolicy"] = new JsonObject { ["deadLetterTargetArn"] = queueArn(deadLetterPhysicalName), ["maxReceiveCount"] = queue.MaxReceiveCount }.ToJsonString();
        return await AwsCall.Run(() => sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = physicalName, Attributes = attributes, Tags = new Dictionary<string, string> { ["conformance-run"] = runId },
        }, cancellation));
    }

    public async Task<(ApiResult Result, string? MessageId)> SendAsync(string physicalName, QueueMessage message, CancellationToken cancellation)
    {
        string? id = null;
        var result = await AwsCall.Run(async () => id = (await sqs.SendMessageAsync(ToRequest(physicalName, message), cancellation)).MessageId);
        return (result, id);
    }

    public Task<ApiResult> SendBatchAsync(string physicalName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation) => AwsCall.Run(async () =>
    {
        foreach (var chunk in messages.Chunk(10))
        {
            var entries = chunk.Select((m, i) =>
            {
                var single = ToRequest(physicalName, m);
                return new SendMessageBatchRequestEntry($"m{i}", single.MessageBody)
                {
                    MessageAttributes = single.MessageAttributes, MessageGroupId = single.MessageGroupId,
                    MessageDeduplicationId = single.MessageDeduplicationId, DelaySeconds = single.DelaySeconds,
                    MessageSystemAttributes = single.MessageSystemAttributes,
                };
            }).ToList();
            var answer = await sqs.SendMessageBatchAsync(queueUrl(physicalName), entries, cancellation);
            if (answer.Failed is { Count: > 0 } failed) throw new AmazonSQSException($"{failed.Count} messages were not sent: {failed[0].Message}");
        }
    });

    private SendMessageRequest ToRequest(string physicalName, QueueMessage message) => new(queueUrl(physicalName), message.Body)
    {
        MessageAttributes = message.Attributes.ToDictionary(a => a.Key, a => new MessageAttributeValue { DataType = "String", StringValue = a.Value }),
        MessageGroupId = message.GroupId,
        MessageDeduplicationId = message.DeduplicationId,
        DelaySeconds = message.DelaySeconds,
        MessageSystemAttributes = message.TraceHeader is null ? null
            : new Dictionary<string, MessageSystemAttributeValue> { ["AWSTraceHeader"] = new() { DataType = "String", StringValue = message.TraceHeader } },
    };

    public async Task<QueueState?> StateAsync(string physicalName, CancellationToken cancellation)
    {
        try
        {
            var answer = await sqs.GetQueueAttributesAsync(queueUrl(physicalName),
                ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"], cancellation);
            return new QueueState(answer.ApproximateNumberOfMessages, answer.ApproximateNumberOfMessagesNotVisible, answer.ApproximateNumberOfMessagesDelayed);
        }
        catch (AmazonServiceException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the messages by receiving every visible one, then makes them visible again at once (SQS has no
    /// way to look without receiving; each message's receive count goes up by one).
    /// </summary>
    public async Task<IReadOnlyList<Message>> PeekAsync(string physicalName, CancellationToken cancellation)
    {
        var url = queueUrl(physicalName);
        var received = new List<Message>();
        while (true)
        {
            var answer = await EmptyAnswerAllowed(() => sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url)
            {
                MaxNumberOfMessages = 10, VisibilityTimeout = 60, WaitTimeSeconds = 0, MessageAttributeNames = ["All"],
            }, cancellation));
            if (answer?.Messages is not { Count: > 0 }) break;
            received.AddRange(answer.Messages);
        }
        foreach (var message in received)
            await EmptyAnswerAllowed(() => sqs.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 0, cancellation));
        return received;
    }

    /// <summary>
    /// A queue policy that lets an AWS service (<c>events.amazonaws.com</c>, <c>sns.amazonaws.com</c>) send
    /// to the queue on behalf of <paramref name="sourceArn"/> only
    /// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sqs-permissions).
    /// </summary>
    public Task<ApiResult> AllowServiceAsync(string physicalName, string servicePrincipal, string sourceArn, CancellationToken cancellation)
    {
        var policy = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = servicePrincipal },
                ["Action"] = "sqs:SendMessage",
                ["Resource"] = queueArn(physicalName),
                ["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = sourceArn } },
            }),
        };
        return AwsCall.Run(() => sqs.SetQueueAttributesAsync(queueUrl(physicalName), new Dictionary<string, string> { ["Policy"] = policy.ToJsonString() }, cancellation));
    }

    public Task DeleteAsync(string physicalName) => AwsCall.Run(() => sqs.DeleteQueueAsync(queueUrl(physicalName)));

    /// <summary>local-aws-sqs answers some calls (an empty receive, ChangeMessageVisibility) with an empty body where AWS sends <c>{}</c>: a success with nothing in it.</summary>
    private static async Task<T?> EmptyAnswerAllowed<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (AmazonUnmarshallingException ex) when (ex.StatusCode == System.Net.HttpStatusCode.OK)
        {
            return null;
        }
    }
}
