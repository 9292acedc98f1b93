using Amazon.Runtime;
using Conformance.Targets.Aws;
using Conformance.Targets.Http;
using Conformance.Tests.Shared.AwsModels;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Targets.Tests.Stubs;

/// <summary>
/// A WireMock.Net stub of an AWS-compatible endpoint on loopback, with answers in each of AWS's wire
/// protocols (JSON 1.1 by <c>X-Amz-Target</c>, REST-JSON by method and path, query by <c>Action</c>) and
/// readers of what the adapter sent. Stopped when disposed.
/// </summary>
public sealed class AwsStub : IDisposable
{
    public const string AccessKey = "AKIDEXAMPLE";

    public WireMockServer Server { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public Uri Url => new(Server.Url!);

    /// <summary>Stops the stub; every call it took must conform to AWS's models (<see cref="StubTraffic"/>).</summary>
    public void Dispose()
    {
        Server.Stop();
        StubTraffic.MustConform(Server);
    }

    /// <summary>A client signed for <paramref name="service"/> in eu-west-1, as the adapter's clients are.</summary>
    public HttpClient Signed(string service) =>
        SignedHttp.Create(new BasicAWSCredentials(AccessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "eu-west-1", service, Url);

    /// <summary>A run of the AWS target against the stub as one endpoint for every service (LocalStack's form).</summary>
    public AwsRun Connect(string? probeFile = null) => AwsRun.Connect(Settings, probeFile);

    public AwsSettings Settings => new("us-east-1", new BasicAWSCredentials(AccessKey, "secret"), "run1") { Endpoint = Url };

    /// <summary>What a run creates before its first scenario and removes after its last: the observation queue and the attempts table.</summary>
    public void StubRunResources()
    {
        Json("AmazonSQS.CreateQueue", $$"""{"QueueUrl":"{{Url}}/000000000000/lc-run1-observations"}""");
        Json("AmazonSQS.SetQueueAttributes", "{}");
        Json("AmazonSQS.ChangeMessageVisibility", "{}");
        Json("AmazonSQS.DeleteQueue", "{}");
        Json("DynamoDB_20120810.CreateTable", """{"TableDescription":{"TableName":"lc-run1-attempts","TableStatus":"CREATING"}}""");
        Json("DynamoDB_20120810.DescribeTable", """{"Table":{"TableName":"lc-run1-attempts","TableStatus":"ACTIVE"}}""");
        Json("DynamoDB_20120810.DeleteTable", """{"TableDescription":{"TableName":"lc-run1-attempts","TableStatus":"DELETING"}}""");
    }

    public void Json(string target, string body, int status = 200) =>
        Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", target))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/x-amz-json-1.1").WithBody(body));

    public void Rest(string method, string path, int status, string body = "") =>
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public void Query(string action, string xml, int status = 200) =>
        Server.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains($"Action={action}") == true))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml").WithBody(xml));

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries];

    /// <summary>The <c>X-Amz-Target</c> of each request, in order ("" for the others).</summary>
    public List<string> Targets() =>
        [.. Server.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var t) == true ? t.Single() : "")];

    /// <summary>The body of the last request with this <c>X-Amz-Target</c>.</summary>
    public string BodyOf(string target) =>
        Server.LogEntries.Last(e => e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var t) == true && t.Single() == target).RequestMessage.Body!;

    /// <summary>The decoded form of the last query-protocol request with this <c>Action</c>.</summary>
    public string FormOf(string action) =>
        Uri.UnescapeDataString(Server.LogEntries.Last(e => e.RequestMessage.Body?.Contains($"Action={action}") == true).RequestMessage.Body!);
}
