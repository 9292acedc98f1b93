using System.Text.Json.Nodes;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Targets.Aws;
using Conformance.Targets.Tests.Stubs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// SNS and EventBridge destinations on the AWS target, end to end against a WireMock.Net stub of a single
/// AWS-compatible endpoint: the run starts (observation queue, attempts table), the scenario's topic or
/// bus sends on to a queue that only it may send to, the records are read from that queue, and
/// everything is removed when the scenario ends.
/// </summary>
public sealed class AwsDestinationTests : IDisposable
{
    private readonly AwsStub aws = new();
    private readonly string probe = Path.GetTempFileName();

    public void Dispose()
    {
        aws.Dispose();
        File.Delete(probe);
    }

    /// <summary>Starts a run, creates the destination in its first scenario, reads its records and ends the scenario and the run.</summary>
    private async Task<(string Arn, IReadOnlyList<DestinationRecord> Records)> CreateAndReadAsync(DestinationKind kind, string name)
    {
        StubAccount();
        await using var run = await AwsRun.StartAsync(aws.Settings, probe, default);
        var target = run.CreateTarget();
        var arn = await target.CreateDestinationAsync(kind, name);
        var records = await target.GetDestinationRecordsAsync(arn);
        await target.DisposeAsync();
        return (arn, records);
    }

    private void StubAccount()
    {
        aws.StubRunResources();
        aws.Json("AWSEvents.CreateEventBus", """{"EventBusArn":"arn:aws:events:us-east-1:000000000000:event-bus/lc-run1-1-audit"}""");
        aws.Json("AWSEvents.PutRule", """{"RuleArn":"arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-audit/lc-run1-1-audit-observed"}""");
        aws.Json("AWSEvents.PutTargets", """{"FailedEntryCount":0,"FailedEntries":[]}""");
        aws.Json("AWSEvents.ListRules", """{"Rules":[{"Name":"lc-run1-1-audit-observed","EventBusName":"lc-run1-1-audit"}]}""");
        aws.Json("AWSEvents.RemoveTargets", """{"FailedEntryCount":0,"FailedEntries":[]}""");
        aws.Json("AWSEvents.DeleteRule", "");
        aws.Json("AWSEvents.DeleteEventBus", "");
        aws.Query("CreateTopic", """<CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CreateTopicResult><TopicArn>arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts</TopicArn></CreateTopicResult></CreateTopicResponse>""");
        aws.Query("Subscribe", """<SubscribeResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><SubscribeResult><SubscriptionArn>arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts:1</SubscriptionArn></SubscribeResult></SubscribeResponse>""");
        aws.Query("DeleteTopic", """<DeleteTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"/>""");
        // One event waits in the observation queue; the receive after it finds the queue empty.
        const string Event = """{"version":"0","source":"lambda","detail-type":"Lambda Function Invocation Result - Success","detail":{"requestContext":{"condition":"Success"}}}""";
        var message = new JsonObject
        {
            ["MessageId"] = "m1", ["ReceiptHandle"] = "r1", ["Body"] = Event,
            ["MD5OfBody"] = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(Event))),
        };
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AmazonSQS.ReceiveMessage")).InScenario("queue").WillSetStateTo("read")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JsonObject { ["Messages"] = new JsonArray(message) }.ToJsonString()));
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AmazonSQS.ReceiveMessage")).InScenario("queue").WhenStateIs("read")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
    }

    [Fact]
    public async Task Lambda_s_events_on_the_bus_are_read_from_a_queue_only_the_bus_s_rule_may_send_to()
    {
        var (busArn, records) = await CreateAndReadAsync(DestinationKind.EventBus, "audit");

        busArn.ShouldBe("arn:aws:events:us-east-1:000000000000:event-bus/lc-run1-1-audit");
        records.ShouldHaveSingleItem().Body.ShouldContain("\"detail-type\":\"Lambda Function Invocation Result - Success\"");
        aws.BodyOf("AWSEvents.PutRule").ShouldContain("\"EventBusName\":\"lc-run1-1-audit\"");
        aws.BodyOf("AWSEvents.PutTargets").ShouldContain("\"Arn\":\"arn:aws:sqs:us-east-1:000000000000:lc-run1-1-audit-observed\"");
        var policy = aws.BodyOf("AmazonSQS.SetQueueAttributes");
        policy.ShouldContain("events.amazonaws.com");
        policy.ShouldContain("arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-audit/lc-run1-1-audit-observed");
        var targets = aws.Targets();
        targets.IndexOf("AWSEvents.DeleteEventBus").ShouldBeGreaterThan(targets.IndexOf("AWSEvents.DeleteRule"));
        targets.Count(t => t == "AmazonSQS.DeleteQueue").ShouldBe(2); // the scenario's observation queue, then the run's
    }

    [Fact]
    public async Task What_reaches_the_topic_is_read_from_a_raw_subscribed_queue_only_the_topic_may_send_to()
    {
        var (topicArn, records) = await CreateAndReadAsync(DestinationKind.SnsTopic, "alerts");

        topicArn.ShouldBe("arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
        records.ShouldHaveSingleItem();
        aws.FormOf("Subscribe").ShouldContain("Endpoint=arn:aws:sqs:us-east-1:000000000000:lc-run1-1-alerts-observed");
        aws.FormOf("Subscribe").ShouldContain("Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true");
        var policy = aws.BodyOf("AmazonSQS.SetQueueAttributes");
        policy.ShouldContain("sns.amazonaws.com");
        policy.ShouldContain("arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
        aws.FormOf("DeleteTopic").ShouldContain("TopicArn=arn:aws:sns:us-east-1:000000000000:lc-run1-1-alerts");
    }
}
