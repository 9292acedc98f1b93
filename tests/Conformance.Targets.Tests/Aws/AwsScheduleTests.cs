using Amazon.Runtime;
using Conformance.Core.Functions;
using Conformance.Core.Targets;
using Conformance.Targets.Aws;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// A schedule scenario's set-up and tear-down on the AWS target, end to end against a WireMock.Net stub
/// of a single AWS-compatible endpoint (LocalStack's form): the rule is named for the scenario, targets
/// the scenario's deployed function, and is removed when the scenario ends.
/// </summary>
public sealed class AwsScheduleTests : IAsyncDisposable
{
    private readonly WireMockServer aws = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public ValueTask DisposeAsync()
    {
        aws.Stop();
        return ValueTask.CompletedTask;
    }

    private void Answer(string operation, int status, string body) =>
        aws.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", $"AWSEvents.{operation}"))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/x-amz-json-1.1").WithBody(body));

    private List<string> Operations() =>
        [.. aws.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("X-Amz-Target", out var t) == true ? t.Single() : $"{e.RequestMessage.Method} {e.RequestMessage.Path}")];

    private AwsRun Run() => AwsRun.Connect(new AwsSettings("us-east-1", new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "run1") { Endpoint = new Uri(aws.Url!) });

    [Fact]
    public async Task A_schedule_rule_targets_the_scenario_s_function_and_is_removed_when_the_scenario_ends()
    {
        Answer("PutRule", 200, """{"RuleArn":"arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-every-minute"}""");
        Answer("PutTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("RemoveTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("DeleteRule", 200, "");
        await using var run = Run();
        var target = run.CreateTarget();

        target.Capabilities.Has(TargetCapabilities.Schedules).ShouldBeTrue();
        var result = await target.PutScheduleRuleAsync(new ScheduleRule("every-minute", "rate(1 minute)", "probe"));
        await target.DisposeAsync();

        result.Succeeded.ShouldBeTrue(result.ToString());
        aws.LogEntries.Single(e => e.RequestMessage.Headers!["X-Amz-Target"].Single() == "AWSEvents.PutTargets").RequestMessage.Body!
            .ShouldContain("\"Arn\":\"arn:aws:lambda:us-east-1:000000000000:function:lc-run1-1-probe\"");
        Operations().ShouldBe(["AWSEvents.PutRule", "AWSEvents.PutTargets", "AWSEvents.RemoveTargets", "AWSEvents.DeleteRule"]);
    }

    [Fact]
    public async Task A_refused_schedule_is_the_target_s_own_answer_and_leaves_nothing_to_remove()
    {
        Answer("PutRule", 400, """{"__type":"ValidationException","message":"Parameter ScheduleExpression is not valid."}""");
        await using var run = Run();
        var target = run.CreateTarget();

        var result = await target.PutScheduleRuleAsync(new ScheduleRule("bad", "rate(1 minutes)", "probe"));
        await target.DisposeAsync();

        result.ErrorType.ShouldBe("ValidationException");
        result.Message.ShouldBe("Parameter ScheduleExpression is not valid.");
        Operations().ShouldBe(["AWSEvents.PutRule"]);
    }
}
