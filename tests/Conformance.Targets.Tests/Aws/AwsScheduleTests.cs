using Conformance.Core.Functions;
using Conformance.Core.Targets;
using Conformance.Targets.Tests.Stubs;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// A schedule scenario's set-up and tear-down on the AWS target, end to end against a WireMock.Net stub
/// of a single AWS-compatible endpoint (LocalStack's form): the rule is named for the scenario, targets
/// the scenario's deployed function, and is removed when the scenario ends.
/// </summary>
public sealed class AwsScheduleTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private void Answer(string operation, int status, string body) => aws.Json($"AWSEvents.{operation}", body, status);

    private List<string> Operations() => aws.Targets();

    [Fact]
    public async Task A_schedule_rule_targets_the_scenario_s_function_and_is_removed_when_the_scenario_ends()
    {
        Answer("PutRule", 200, """{"RuleArn":"arn:aws:events:us-east-1:000000000000:rule/lc-run1-1-every-minute"}""");
        Answer("PutTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("RemoveTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("DeleteRule", 200, "");
        await using var run = aws.Connect();
        var target = run.CreateTarget();

        target.Capabilities.Has(TargetCapabilities.Schedules).ShouldBeTrue();
        var result = await target.PutScheduleRuleAsync(new ScheduleRule("every-minute", "rate(1 minute)", "probe"));
        await target.DisposeAsync();

        result.Succeeded.ShouldBeTrue(result.ToString());
        aws.Requests.Single(e => e.RequestMessage.Headers!["X-Amz-Target"].Single() == "AWSEvents.PutTargets").RequestMessage.Body!
            .ShouldContain("\"Arn\":\"arn:aws:lambda:us-east-1:000000000000:function:lc-run1-1-probe\"");
        Operations().ShouldBe(["AWSEvents.PutRule", "AWSEvents.PutTargets", "AWSEvents.RemoveTargets", "AWSEvents.DeleteRule"]);
    }

    [Fact]
    public async Task A_refused_schedule_is_the_target_s_own_answer_and_leaves_nothing_to_remove()
    {
        Answer("PutRule", 400, """{"__type":"ValidationException","message":"Parameter ScheduleExpression is not valid."}""");
        await using var run = aws.Connect();
        var target = run.CreateTarget();

        var result = await target.PutScheduleRuleAsync(new ScheduleRule("bad", "rate(1 minutes)", "probe"));
        await target.DisposeAsync();

        result.ErrorType.ShouldBe("ValidationException");
        result.Message.ShouldBe("Parameter ScheduleExpression is not valid.");
        Operations().ShouldBe(["AWSEvents.PutRule"]);
    }
}
