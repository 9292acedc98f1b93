using Amazon.Runtime;
using Conformance.Core.Targets;
using Conformance.Targets.Aws;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// SNS and EventBridge destinations on the AWS target, end to end against a WireMock.Net stub of a single
/// AWS-compatible endpoint: the run starts (observation queue, attempts table), the scenario's topic or
/// bus sends on to a queue that only it may send to, the records are read from that queue, and
/// everything is removed when the scenario ends.
/// </summary>
public sealed class AwsDestinationTests : IDisposable
{
    private readonly WireMockServer aws = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly string probe = Path.GetTempFileName();

    public void Dispose()
    {
        aws.Stop();
        File.Delete(probe);
    }

    private void Answer(string target, string body, int status = 200) =>
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", target))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/x-amz-json-1.1").WithBody(body));

    private void Query(string action, string xml) =>
        aws.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains($"Action={action}") == true))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithBody(xml));

    private string FormOf(string action) =>
        Uri.UnescapeDataString(aws.LogEntries.Last(e => e.RequestMessage.Body?.Contains($"Action={action}") == true).RequestMessage.Body!);

    private Task<AwsRun> StartAsync() =>
        AwsRun.StartAsync(new AwsSettings("us-east-1", new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "run1") { Endpoint = new Uri(aws.Url!) }, probe, default);

    private string BodyOf(string target) => aws.LogEntries.Last(e => e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var t) == true && t.Single() == target).RequestMessage.Body!;

    private List<string> Targets() => [.. aws.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var t) == true ? t.Single() : "")];

    private void StubAccount()
    {
        Answer("AmazonSQS.CreateQueue", $$"""{"QueueUrl":"{{aws.Url}}/000000000000/lc-run1-observations"}""");
        Answer("AmazonSQS.SetQueueAttributes", "{}");
        Answer("AmazonSQS.ChangeMessageVisibility", "{}");
        Answer("AmazonSQS.DeleteQueue", "{}");
        Answer("DynamoDB_20120810.CreateTable", """{"TableDescription":{"TableName":"lc-run1-attempts","TableStatus":"CREATING"}}""");
        Answer("DynamoDB_20120810.DescribeTable", """{"Table":{"TableName":"lc-run1-attempts","TableStatus":"ACTIVE"}}""");
        Answer("DynamoDB_20120810.DeleteTable", """{"TableDescription":{"TableName":"lc-run1-attempts","TableStatus":"DELETING"}}""");
        Answer("AWSEvents.CreateEventBus", """{"EventBusArn":"arn:aws:events:us-east-1:000000000000:event-bus/lc-run1-1-audit"}""");
        Answer("AWSEvents.PutRule", """{"RuleArn":"arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-audit/lc-run1-1-audit-observed"}""");
        Answer("AWSEvents.PutTargets", """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("AWSEvents.ListRules", """{"Rules":[{"Name":"lc-run1-1-audit-observed","EventBusName":"lc-run1-1-audit"}]}""");
        Answer("AWSEvents.RemoveTargets", """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("AWSEvents.DeleteRule", "");
        Answer("AWSEvents.DeleteEventBus", "");
        Query("CreateTopic", """<CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CreateTopicResult><TopicArn>arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts</TopicArn></CreateTopicResult></CreateTopicResponse>""");
        Query("Subscribe", """<SubscribeResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><SubscribeResult><SubscriptionArn>arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts:1</SubscriptionArn></SubscribeResult></SubscribeResponse>""");
        Query("DeleteTopic", """<DeleteTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"/>""");
        // One event waits in the observation queue; the receive after it finds the queue empty.
        const string Event = """{"version":"0","source":"lambda","detail-type":"Lambda Function Invocation Result - Success","detail":{"requestContext":{"condition":"Success"}}}""";
        var message = new System.Text.Json.Nodes.JsonObject
        {
            ["MessageId"] = "m1", ["ReceiptHandle"] = "r1", ["Body"] = Event,
            ["MD5OfBody"] = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(Event))),
        };
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AmazonSQS.ReceiveMessage")).InScenario("queue").WillSetStateTo("read")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new System.Text.Json.Nodes.JsonObject { ["Messages"] = new System.Text.Json.Nodes.JsonArray(message) }.ToJsonString()));
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AmazonSQS.ReceiveMessage")).InScenario("queue").WhenStateIs("read")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
    }

    [Fact]
    public async Task Lambda_s_events_on_the_bus_are_read_from_a_queue_only_the_bus_s_rule_may_send_to()
    {
        StubAccount();
        await using (var run = await StartAsync())
        {
            var target = run.CreateTarget();
            var busArn = await target.CreateDestinationAsync(DestinationKind.EventBus, "audit");
            var records = await target.GetDestinationRecordsAsync(busArn);
            await target.DisposeAsync();

            busArn.ShouldBe("arn:aws:events:us-east-1:000000000000:event-bus/lc-run1-1-audit");
            records.ShouldHaveSingleItem().Body.ShouldContain("\"detail-type\":\"Lambda Function Invocation Result - Success\"");
        }

        BodyOf("AWSEvents.PutRule").ShouldContain("\"EventBusName\":\"lc-run1-1-audit\"");
        BodyOf("AWSEvents.PutTargets").ShouldContain("\"Arn\":\"arn:aws:sqs:us-east-1:000000000000:lc-run1-1-audit-observed\"");
        var policy = BodyOf("AmazonSQS.SetQueueAttributes");
        policy.ShouldContain("events.amazonaws.com");
        policy.ShouldContain("arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-audit/lc-run1-1-audit-observed");
        var targets = Targets();
        targets.IndexOf("AWSEvents.DeleteEventBus").ShouldBeGreaterThan(targets.IndexOf("AWSEvents.DeleteRule"));
        targets.Count(t => t == "AmazonSQS.DeleteQueue").ShouldBe(2); // the scenario's observation queue, then the run's
    }

    [Fact]
    public async Task What_reaches_the_topic_is_read_from_a_raw_subscribed_queue_only_the_topic_may_send_to()
    {
        StubAccount();
        await using (var run = await StartAsync())
        {
            var target = run.CreateTarget();
            var topicArn = await target.CreateDestinationAsync(DestinationKind.SnsTopic, "alerts");
            var records = await target.GetDestinationRecordsAsync(topicArn);
            await target.DisposeAsync();

            topicArn.ShouldBe("arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
            records.ShouldHaveSingleItem();
        }

        FormOf("Subscribe").ShouldContain("Endpoint=arn:aws:sqs:us-east-1:000000000000:lc-run1-1-alerts-observed");
        FormOf("Subscribe").ShouldContain("Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true");
        var policy = BodyOf("AmazonSQS.SetQueueAttributes");
        policy.ShouldContain("sns.amazonaws.com");
        policy.ShouldContain("arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
        FormOf("DeleteTopic").ShouldContain("TopicArn=arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
    }
}
