using Conformance.Tests.Shared.AwsModels;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Cli.Tests.Commands;

/// <summary><c>conformance cleanup</c> against a WireMock.Net stub of an AWS-compatible endpoint: it removes what carries the run's prefix, and nothing else.</summary>
[Collection("working directory")]
public sealed class CleanupCommandTests : IDisposable
{
    private readonly CliHarness cli = new();
    private readonly WireMockServer aws = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public void Dispose()
    {
        aws.Stop();
        cli.Dispose();
        StubTraffic.MustConform(aws);
    }

    private void Json(string target, string body) =>
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", target))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/x-amz-json-1.0").WithBody(body));

    [Fact]
    public async Task A_resource_that_cannot_be_removed_is_named_and_the_exit_code_says_so()
    {
        StubAccount();
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "DynamoDB_20120810.DeleteTable")).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/x-amz-json-1.0")
                .WithBody("""{"__type":"com.amazonaws.dynamodb.v20120810#ResourceInUseException","message":"Table is being created"}"""));

        var (exitCode, output, error) = await cli.RunAsync("cleanup", "--run-id", "abc123", "--target", "localstack", "--endpoint", aws.Url!);

        exitCode.ShouldBe(ExitCodes.Failures);
        error.ShouldContain("could not remove table lc-abc123-attempts: 400 ResourceInUseException");
        output.ShouldContain("8 resources of run abc123 removed, 1 could not be.");
    }

    [Fact]
    public async Task Removes_every_resource_named_for_the_run_and_leaves_the_others()
    {
        StubAccount();

        var (exitCode, output, error) = await cli.RunAsync("cleanup", "--run-id", "abc123", "--target", "localstack", "--endpoint", aws.Url!);

        error.ShouldBeEmpty(string.Join(" | ", aws.LogEntries.Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Url}")));
        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain("removed function lc-abc123-1-probe");
        output.ShouldContain("removed stream lc-abc123-1-orders");
        output.ShouldContain("removed table lc-abc123-attempts");
        output.ShouldContain("removed bucket lc-abc123-1-media");
        output.ShouldContain("removed rule lc-abc123-1-every-minute");
        output.ShouldContain("removed event bus lc-abc123-1-audit");
        output.ShouldContain("removed API a1");
        output.ShouldContain("removed topic arn:aws:sns:us-east-1:000000000000:lc-abc123-1-alerts");
        output.ShouldContain("9 resources of run abc123 removed.");
        aws.LogEntries.Select(e => e.RequestMessage.Body ?? "").ShouldNotContain(b => b.Contains("Action=DeleteTopic") && b.Contains("keep-topic"));
        var deletions = aws.LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.Method == "DELETE" || (r.Headers?.TryGetValue("X-Amz-Target", out var t) == true && t.Single().Contains("Delete", StringComparison.Ordinal)))
            .Select(r => r.Method == "DELETE" ? r.Path : r.Body ?? "").ToList();
        deletions.ShouldNotContain(d => d.Contains("someone-elses") || d.Contains("keep-"));
        deletions.Count.ShouldBe(9, string.Join(" | ", deletions)); // 8 resources, and the bus's own rule
    }

    /// <summary>An account holding one resource of each kind for run abc123, and others that are not the run's.</summary>
    private void StubAccount()
    {
        aws.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains("Action=ListTopics") == true)).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:us-east-1:000000000000:lc-abc123-1-alerts</TopicArn></member><member><TopicArn>arn:aws:sns:us-east-1:000000000000:keep-topic</TopicArn></member></Topics></ListTopicsResult></ListTopicsResponse>"""));
        aws.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains("Action=DeleteTopic") == true)).RespondWith(Response.Create().WithStatusCode(200).WithBody(
            """<DeleteTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteTopicResponse>"""));
        aws.Given(Request.Create().WithPath("/restapis").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"item":[{"id":"a1","name":"lc-abc123-1-shop"},{"id":"zz","name":"keep-api"}]}"""));
        aws.Given(Request.Create().WithPath("/v2/apis").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"items":[]}"""));
        aws.Given(Request.Create().WithPath("/restapis/a1").UsingDelete()).RespondWith(Response.Create().WithStatusCode(202));
        aws.Given(Request.Create().WithPath("/2015-03-31/functions/").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"Functions":[{"FunctionName":"lc-abc123-1-probe"},{"FunctionName":"someone-elses"}]}"""));
        aws.Given(Request.Create().WithPath("/2015-03-31/functions/lc-abc123-1-probe").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
        Json("AmazonSQS.ListQueues", $$"""{"QueueUrls":["{{aws.Url}}/000000000000/lc-abc123-observations"]}""");
        Json("AmazonSQS.DeleteQueue", "{}");
        Json("Kinesis_20131202.ListStreams", """{"StreamNames":["lc-abc123-1-orders","keep-me"],"HasMoreStreams":false}""");
        Json("Kinesis_20131202.DeleteStream", "{}");
        Json("AWSEvents.ListRules", """{"Rules":[{"Name":"lc-abc123-1-every-minute","EventBusName":"default"},{"Name":"keep-rule","EventBusName":"default"}]}""");
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AWSEvents.ListRules").WithBody(b => b?.Contains("EventBusName") == true)).AtPriority(-5)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"Rules":[{"Name":"lc-abc123-1-audit-observed","EventBusName":"lc-abc123-1-audit"}]}"""));
        Json("AWSEvents.ListEventBuses", """{"EventBuses":[{"Name":"lc-abc123-1-audit"},{"Name":"keep-bus"}]}""");
        Json("AWSEvents.DeleteEventBus", "");
        Json("AWSEvents.RemoveTargets", """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Json("AWSEvents.DeleteRule", "");
        Json("DynamoDB_20120810.ListTables", """{"TableNames":["lc-abc123-attempts","keep-table"]}""");
        Json("DynamoDB_20120810.DeleteTable", """{"TableDescription":{"TableName":"lc-abc123-attempts","TableStatus":"DELETING"}}""");
        aws.Given(Request.Create().WithPath("/").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/xml").WithBody(
            """<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o</ID></Owner><Buckets><Bucket><Name>lc-abc123-1-media</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket><Bucket><Name>keep-bucket</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"""));
        aws.Given(Request.Create().WithPath("/lc-abc123-1-media/").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/xml").WithBody(
            """<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>lc-abc123-1-media</Name><IsTruncated>false</IsTruncated></ListVersionsResult>"""));
        aws.Given(Request.Create().WithPath("/lc-abc123-1-media/").UsingDelete()).RespondWith(Response.Create().WithStatusCode(204));
    }
}
