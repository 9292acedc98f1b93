using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Tests.Shared;
using Conformance.Targets.Reference;
using Conformance.Targets.UserCode;

namespace Conformance.Targets.Tests.Reference;

/// <summary>
/// A user function's code calling SQS with the AWS SDK for JavaScript (a real client, from tests/node)
/// on the reference target: what it sends lands in the engine's queues.
/// </summary>
[Trait("Tier", "integration")]
public sealed class ReferenceSqsServiceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sqs-code-").FullName;

    private string confirmationsArn = "";

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Sdk => Path.Combine(RepositoryPaths.Root, "tests", "node", "node_modules", "@aws-sdk", "client-sqs").Replace("\\", "/", StringComparison.Ordinal);

    private async Task<ReferenceTarget> TargetWith(string handler)
    {
        File.WriteAllText(Path.Combine(folder, "app.js"), $"const sqs = require('{Sdk}');\nconst client = new sqs.SQSClient({{}});\n{handler}");
        var target = new ReferenceTarget(code: new UserCodeRunner("us-east-1"));
        var (created, arn) = await target.CreateQueueAsync(new QueueSpec("confirmations"));
        created.Succeeded.ShouldBeTrue();
        confirmationsArn = arn!;
        await target.CreateFunctionAsync(new FunctionSpec("orders", new FunctionBehaviour())
        {
            Timeout = TimeSpan.FromSeconds(10),
            Code = new FunctionCode(folder, "app.handler", "nodejs20.x"),
        });
        return target;
    }

    [Fact]
    public async Task Messages_the_code_sends_land_in_the_engine_s_queue()
    {
        await using var target = await TargetWith("""
            exports.handler = async (event) => {
              const { QueueUrl } = await client.send(new sqs.GetQueueUrlCommand({ QueueName: 'confirmations' }));
              const one = await client.send(new sqs.SendMessageCommand({ QueueUrl, MessageBody: `confirmed ${event.order}` }));
              const batch = await client.send(new sqs.SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] }));
              return { url: QueueUrl, id: one.MessageId, md5: one.MD5OfMessageBody, batch: batch.Successful.map((s) => s.Id) };
            };
            """);

        var response = await target.InvokeAsync(new InvokeRequest("orders", InvocationType.RequestResponse, """{"order":7}"""));

        response.FunctionError.ShouldBeNull(response.Payload);
        var body = System.Text.Json.Nodes.JsonNode.Parse(response.Payload!)!;
        body["url"]!.ToString().ShouldEndWith("/123456789012/confirmations");
        body["md5"]!.ToString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("confirmed 7"u8.ToArray())));
        body["batch"]!.AsArray().Select(n => n!.ToString()).ShouldBe(["a", "b"]);
        (await target.GetQueueBodiesAsync("confirmations")).ShouldBe(["confirmed 7", "a", "b"]);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_the_SDK_s_QueueDoesNotExist_and_other_operations_are_refused_by_name()
    {
        await using var target = await TargetWith("""
            exports.handler = async () => {
              const names = [];
              try { await client.send(new sqs.GetQueueUrlCommand({ QueueName: 'missing' })); } catch (error) { names.push(error.name); }
              const { QueueUrl } = await client.send(new sqs.GetQueueUrlCommand({ QueueName: 'confirmations' }));
              try { await client.send(new sqs.ReceiveMessageCommand({ QueueUrl })); } catch (error) { names.push(`${error.name}: ${error.message}`); }
              return names;
            };
            """);

        var response = await target.InvokeAsync(new InvokeRequest("orders", InvocationType.RequestResponse, "{}"));

        var names = System.Text.Json.Nodes.JsonNode.Parse(response.Payload!)!.AsArray().Select(n => n!.ToString()).ToList();
        names[0].ShouldBe("QueueDoesNotExist");
        names[1].ShouldBe("UnsupportedOperation: The reference target serves GetQueueUrl, SendMessage and SendMessageBatch to a function's code, not ReceiveMessage.");
    }

    [Fact]
    public async Task A_trace_header_the_code_sends_as_a_system_attribute_reaches_the_record_of_the_function_that_polls_the_queue()
    {
        const string header = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1";
        await using var target = await TargetWith($$"""
            exports.handler = async () => {
              const { QueueUrl } = await client.send(new sqs.GetQueueUrlCommand({ QueueName: 'confirmations' }));
              await client.send(new sqs.SendMessageCommand({ QueueUrl, MessageBody: 'traced',
                MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: '{{header}}' } } }));
            };
            """);
        await target.CreateFunctionAsync(new FunctionSpec("reader", new FunctionBehaviour()));
        await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec(confirmationsArn, "reader"));

        (await target.InvokeAsync(new InvokeRequest("orders", InvocationType.RequestResponse, "{}"))).FunctionError.ShouldBeNull();
        await target.AdvanceAsync(TimeSpan.FromSeconds(1));

        var read = System.Text.Json.Nodes.JsonNode.Parse((await target.GetInvocationsAsync("reader")).ShouldHaveSingleItem().Event)!;
        read["Records"]![0]!["attributes"]!["AWSTraceHeader"]!.ToString().ShouldBe(header);
    }
}
