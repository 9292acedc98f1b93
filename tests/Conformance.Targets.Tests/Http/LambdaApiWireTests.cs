using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Aws;
using Conformance.Targets.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Conformance.Targets.Tests.Stubs;

namespace Conformance.Targets.Tests.Http;

/// <summary>The AWS adapter's Lambda requests on the wire (paths, headers, bodies, SigV4), against WireMock.Net stubs of AWS's protocol.</summary>
public sealed class LambdaApiWireTests : IDisposable
{
    private const string AccessKey = AwsStub.AccessKey;
    private readonly AwsStub stub = new();

    private WireMockServer aws => stub.Server;

    public void Dispose() => stub.Dispose();

    private LambdaApi Client() => new(stub.Signed("lambda"));

    private WireMock.Logging.ILogEntry OnlyRequest() => aws.LogEntries.ShouldHaveSingleItem();

    [Fact]
    public async Task An_event_invoke_posts_the_payload_with_the_invocation_type_and_a_SigV4_signature()
    {
        aws.Given(Request.Create().WithPath("/2015-03-31/functions/lc-run1-1-probe/invocations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("x-amzn-RequestId", "req-1"));

        var response = await Client().InvokeAsync("lc-run1-1-probe", new InvokeRequest("probe", InvocationType.Event, """{"a":1}"""), default);

        response.StatusCode.ShouldBe(202);
        response.RequestId.ShouldBe("req-1");
        var request = OnlyRequest().RequestMessage;
        request.Headers!["X-Amz-Invocation-Type"].ShouldBe(["Event"]);
        request.Body.ShouldBe("""{"a":1}""");
        var authorization = request.Headers["Authorization"].Single();
        authorization.ShouldStartWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/");
        authorization.ShouldContain("/eu-west-1/lambda/aws4_request");
        authorization.ShouldMatch("SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date");
        authorization.ShouldMatch("Signature=[0-9a-f]{64}$");
        request.Headers.ShouldContainKey("X-Amz-Date");
    }

    [Fact]
    public async Task A_qualifier_and_tail_log_go_in_the_query_and_the_log_type_header()
    {
        aws.Given(Request.Create().WithPath("/2015-03-31/functions/f/invocations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Amz-Executed-Version", "3").WithHeader("X-Amz-Log-Result", "U1RBUlQ=")
                .WithHeader("X-Amz-Function-Error", "Unhandled").WithBody("""{"errorType":"Error"}"""));

        var response = await Client().InvokeAsync("f", new InvokeRequest("f", InvocationType.RequestResponse, "{}") { Qualifier = "live", TailLog = true }, default);

        var request = OnlyRequest().RequestMessage;
        request.Query!["Qualifier"].ShouldBe(["live"]);
        request.Headers!["X-Amz-Log-Type"].ShouldBe(["Tail"]);
        request.Headers["X-Amz-Invocation-Type"].ShouldBe(["RequestResponse"]);
        response.ExecutedVersion.ShouldBe("3");
        response.LogResult.ShouldBe("U1RBUlQ=");
        response.FunctionError.ShouldBe("Unhandled");
        response.Payload.ShouldBe("""{"errorType":"Error"}""");
    }

    [Fact]
    public async Task A_throttle_answer_gives_the_error_type_and_the_reason()
    {
        aws.Given(Request.Create().WithPath("/2015-03-31/functions/f/invocations").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/")
                .WithBody("""{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}"""));

        var response = await Client().InvokeAsync("f", new InvokeRequest("f", InvocationType.RequestResponse, "{}"), default);

        response.StatusCode.ShouldBe(429);
        response.ErrorType.ShouldBe("TooManyRequestsException");
        response.ThrottleReason.ShouldBe("ReservedFunctionConcurrentInvocationLimitExceeded");
    }

    [Fact]
    public async Task CreateFunction_sends_the_probe_as_a_zip_with_its_behaviour_and_the_run_tag()
    {
        aws.Given(Request.Create().WithPath("/2015-03-31/functions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"FunctionName":"lc-run1-1-probe","State":"Pending"}"""));
        var zip = ProbePackage.Of(ProbePackage.Zip(RepositoryProbe()));
        var environment = new Dictionary<string, string> { ["PROBE_BEHAVIOUR"] = ProbeProtocol.BehaviourJson(new FunctionBehaviour { FailingInvocations = 2 }).ToJsonString() };

        var (result, _) = await new LambdaControlPlane(Client()).CreateFunctionAsync("lc-run1-1-probe", "arn:aws:iam::123456789012:role/probe", zip,
            TimeSpan.FromSeconds(2.5), environment, new Dictionary<string, string> { ["conformance-run"] = "run1" }, null, default);

        result.Succeeded.ShouldBeTrue();
        var body = JsonNode.Parse(OnlyRequest().RequestMessage.Body!)!;
        body["Runtime"]!.ToString().ShouldBe("nodejs20.x");
        body["Handler"]!.ToString().ShouldBe("probe.handler");
        body["Timeout"]!.GetValue<int>().ShouldBe(3);
        body["Tags"]!["conformance-run"]!.ToString().ShouldBe("run1");
        JsonNode.Parse(body["Environment"]!["Variables"]!["PROBE_BEHAVIOUR"]!.ToString())!["failingInvocations"]!.GetValue<int>().ShouldBe(2);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(Convert.FromBase64String(body["Code"]!["ZipFile"]!.ToString())));
        archive.Entries.ShouldHaveSingleItem().FullName.ShouldBe("probe.js");
    }

    [Fact]
    public async Task CreateEventSourceMapping_sends_AWS_field_names_and_a_refusal_comes_back_as_the_error()
    {
        aws.Given(Request.Create().WithPath("/2015-03-31/event-source-mappings/").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("x-amzn-ErrorType", "InvalidParameterValueException")
                .WithBody("""{"Type":"User","message":"Batching window is not supported for FIFO queues."}"""));
        var mapping = new EventSourceMappingSpec("arn:aws:sqs:eu-west-1:123456789012:orders.fifo", "probe")
        {
            BatchSize = 10, MaximumBatchingWindowInSeconds = 5, FunctionResponseTypes = ["ReportBatchItemFailures"], FilterPatterns = ["""{"body":{"a":[1]}}"""],
        };

        var (result, _) = await new LambdaControlPlane(Client()).CreateEventSourceMappingAsync(mapping, "lc-run1-1-probe", default);

        result.ShouldBe(new ApiResult(400, "InvalidParameterValueException", "Batching window is not supported for FIFO queues."));
        var body = JsonNode.Parse(OnlyRequest().RequestMessage.Body!)!;
        body["FunctionName"]!.ToString().ShouldBe("lc-run1-1-probe");
        body["MaximumBatchingWindowInSeconds"]!.GetValue<int>().ShouldBe(5);
        body["FunctionResponseTypes"]![0]!.ToString().ShouldBe("ReportBatchItemFailures");
        body["FilterCriteria"]!["Filters"]![0]!["Pattern"]!.ToString().ShouldBe("""{"body":{"a":[1]}}""");
    }

    [Fact]
    public async Task Async_configuration_and_concurrency_use_their_own_API_versions()
    {
        aws.Given(Request.Create().UsingPut()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var control = new LambdaControlPlane(Client());

        await control.PutEventInvokeConfigAsync("f", new EventInvokeConfig(MaximumRetryAttempts: 0, OnFailureDestination: "arn:aws:sqs:eu-west-1:1:dlq", Qualifier: "live"), default);
        await control.PutConcurrencyAsync("f", 5, default);

        var requests = aws.LogEntries.Select(e => e.RequestMessage).ToList();
        requests[0].Path.ShouldBe("/2019-09-25/functions/f/event-invoke-config");
        requests[0].Query!["Qualifier"].ShouldBe(["live"]);
        JsonNode.Parse(requests[0].Body!)!["DestinationConfig"]!["OnFailure"]!["Destination"]!.ToString().ShouldBe("arn:aws:sqs:eu-west-1:1:dlq");
        requests[1].Path.ShouldBe("/2017-10-31/functions/f/concurrency");
        JsonNode.Parse(requests[1].Body!)!["ReservedConcurrentExecutions"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task The_other_control_plane_calls_go_to_the_paths_and_members_AWS_s_model_gives()
    {
        void Answer(string method, string path, int status, string body) =>
            aws.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));
        Answer("PUT", "/2015-03-31/functions/f/configuration", 200, """{"FunctionName":"f","Timeout":5}""");
        Answer("POST", "/2015-03-31/functions/f/versions", 201, """{"FunctionName":"f","Version":"1"}""");
        Answer("POST", "/2015-03-31/functions/f/aliases", 201, """{"Name":"live","FunctionVersion":"1"}""");
        Answer("POST", "/2015-03-31/functions/f/policy", 201, """{"Statement":"{}"}""");
        Answer("POST", "/2015-03-31/event-source-mappings/", 202, """{"UUID":"u1","State":"Creating"}""");
        Answer("PUT", "/2015-03-31/event-source-mappings/u1", 202, """{"UUID":"u1","State":"Enabling"}""");
        Answer("DELETE", "/2015-03-31/event-source-mappings/u1", 202, """{"UUID":"u1","State":"Deleting"}""");
        var control = new LambdaControlPlane(Client());
        var atTimestamp = new EventSourceMappingSpec("arn:aws:kinesis:eu-west-1:1:stream/s", "probe")
        {
            StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = DateTimeOffset.FromUnixTimeSeconds(1_796_601_600),
        };

        await control.UpdateConfigurationAsync("f", TimeSpan.FromSeconds(5), new Dictionary<string, string> { ["A"] = "1" }, "arn:aws:sqs:eu-west-1:1:dlq", default);
        await control.PublishVersionAsync("f", default);
        await control.CreateAliasAsync("f", "live", "1", default);
        await control.AddPermissionAsync("f", new PermissionStatement("s1", "s3.amazonaws.com", "arn:aws:s3:::b", Qualifier: "live"), default);
        await control.CreateEventSourceMappingAsync(atTimestamp, "f", default);
        await control.UpdateEventSourceMappingAsync("u1", enabled: false, default);
        await control.DeleteEventSourceMappingAsync("u1", default);

        var requests = aws.LogEntries.Select(e => e.RequestMessage).ToList();
        requests.Select(r => $"{r.Method} {r.Path}").ShouldBe([
            "PUT /2015-03-31/functions/f/configuration", "POST /2015-03-31/functions/f/versions", "POST /2015-03-31/functions/f/aliases",
            "POST /2015-03-31/functions/f/policy", "POST /2015-03-31/event-source-mappings/", "PUT /2015-03-31/event-source-mappings/u1",
            "DELETE /2015-03-31/event-source-mappings/u1",
        ]);
        requests[3].Query!["Qualifier"].ShouldBe(["live"]);
        // A timestamp member travels as epoch seconds in AWS's JSON protocols.
        JsonNode.Parse(requests[4].Body!)!["StartingPositionTimestamp"]!.GetValue<double>().ShouldBe(1_796_601_600);
    }

    private static string RepositoryProbe() => Path.Combine(Conformance.Tests.Shared.RepositoryPaths.Root, "src", "probe", "probe.js");
}
