using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Aws;
using Conformance.Targets.Tests.Stubs;
using Conformance.Tests.Shared;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// The AWS target reads Lambda's own recorded answers (tests/testdata/aws-recorded, from LocalStack's
/// aws-validated snapshots, each naming its test and date) through the path a live run takes: the
/// function's ARN from CreateFunction's answer, readiness from GetFunction's, the mapping's UUID from
/// CreateEventSourceMapping's, and AWS's error documents as the status, error type and message a
/// scenario compares. Every recorded answer also passes the check against AWS's model (<see cref="AwsStub"/>).
/// </summary>
public sealed class RecordedResponsesTests : IDisposable
{
    private static readonly JsonArray Recorded = JsonNode.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tests", "testdata", "aws-recorded", "lambda-control-plane.json")))!["responses"]!.AsArray();

    private readonly AwsStub aws = new();
    private readonly string probe = Path.GetTempFileName();

    public void Dispose()
    {
        aws.Dispose();
        File.Delete(probe);
    }

    /// <summary>The recorded answer of <paramref name="key"/> in the snapshot, given as AWS gives it for the matching request.</summary>
    private JsonObject Answer(string method, string path, string key)
    {
        var recorded = Recorded.Select(r => r!.AsObject()).Single(r => r["key"]!.ToString() == key);
        var response = Response.Create().WithStatusCode(recorded["status"]!.GetValue<int>()).WithHeader("Content-Type", "application/json")
            .WithBody(recorded["body"]!.ToJsonString());
        if (recorded["errorType"] is { } type) response = response.WithHeader("x-amzn-ErrorType", type.ToString());
        aws.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
        return recorded["body"]!.AsObject();
    }

    private async Task<(AwsRun Run, AwsTarget Target)> StartAsync()
    {
        aws.StubRunResources();
        aws.Json("AmazonSQS.ReceiveMessage", "{}");
        var run = await AwsRun.StartAsync(aws.Settings, probe, default);
        return (run, (AwsTarget)run.CreateTarget());
    }

    [Fact]
    public async Task A_created_function_s_ARN_is_the_one_CreateFunction_answered_and_GetFunction_s_answer_makes_it_ready()
    {
        var created = Answer("POST", "/2015-03-31/functions", "create_response.CreateFunctionResponse");
        Answer("GET", "/2015-03-31/functions/lc-run1-1-probe", "get_function_response");
        aws.Rest("DELETE", "/2015-03-31/functions/lc-run1-1-probe", 204); // the scenario's end
        var (run, target) = await StartAsync();
        await using var _ = run;

        var result = await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var arn = await target.FunctionArnAsync("probe");
        await target.DisposeAsync();

        result.Succeeded.ShouldBeTrue(result.ToString());
        arn.ShouldBe(created["FunctionArn"]!.ToString());
    }

    [Fact]
    public async Task A_mapping_s_UUID_is_the_one_CreateEventSourceMapping_answered()
    {
        var created = Answer("POST", "/2015-03-31/event-source-mappings/", "create_response");
        Answer("DELETE", $"/2015-03-31/event-source-mappings/{created["UUID"]}", "delete_response");
        var (run, target) = await StartAsync();
        await using var _ = run;

        var (result, uuid) = await target.CreateEventSourceMappingAsync(new EventSourceMappingSpec("arn:aws:sqs:us-east-1:000000000000:lc-run1-1-q", "probe"));
        await target.DisposeAsync();

        result.StatusCode.ShouldBe(202);
        uuid.ShouldBe(created["UUID"]!.ToString());
    }

    [Fact]
    public async Task AWS_s_error_documents_come_back_as_their_status_type_and_message_whichever_case_the_message_key_has()
    {
        var refused = Answer("POST", "/2015-03-31/functions", "invalid_runtime_exc");
        var missing = Answer("PUT", "/2017-10-31/functions/lc-run1-1-probe/concurrency", "put_function_concurrency_with_function_name_doesnotexist");
        var (run, target) = await StartAsync();
        await using var _ = run;

        var creation = await target.CreateFunctionAsync(new FunctionSpec("probe", new FunctionBehaviour()));
        var concurrency = await target.PutFunctionConcurrencyAsync("probe", 1);
        await target.DisposeAsync();

        creation.ShouldBe(new ApiResult(400, "InvalidParameterValueException", refused["message"]!.ToString()));
        concurrency.ShouldBe(new ApiResult(404, "ResourceNotFoundException", missing["Message"]!.ToString()));
    }
}
