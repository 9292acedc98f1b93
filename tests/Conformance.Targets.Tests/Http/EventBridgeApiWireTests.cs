using Conformance.Targets.Http;
using Conformance.Targets.Tests.Stubs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Targets.Tests.Http;

/// <summary>
/// EventBridge rules on the wire, against WireMock.Net stubs built from the API reference
/// (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html and its siblings) and
/// from responses recorded on AWS (localstack/localstack at 8b9a79f0,
/// tests/aws/services/events/test_events_schedule.snapshot.json, TestScheduleRate::test_put_rule_with_schedule_rate,
/// recorded 2024-05-14, and TestScheduleCron::tests_put_rule_with_invalid_schedule_cron, recorded 2025-01-22).
/// </summary>
public sealed class EventBridgeApiWireTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private EventBridgeApi Client() => new(aws.Signed("events"));

    private void Answer(string operation, int status, string body) => aws.Json($"AWSEvents.{operation}", body, status);

    private IEnumerable<WireMock.Logging.ILogEntry> Calls(string operation) =>
        aws.Requests.Where(e => e.RequestMessage.Headers?["X-Amz-Target"].Single() == $"AWSEvents.{operation}");

    [Fact]
    public async Task PutRule_sends_the_schedule_enabled_and_tagged_with_the_run_signed_for_events()
    {
        Answer("PutRule", 200, """{"RuleArn":"arn:aws:events:eu-west-1:111111111111:rule/lc-run1-1-every-minute"}""");

        var (result, ruleArn) = await Client().PutScheduleRuleAsync("lc-run1-1-every-minute", "rate(1 minute)", "run1", default);

        result.Succeeded.ShouldBeTrue();
        ruleArn.ShouldBe("arn:aws:events:eu-west-1:111111111111:rule/lc-run1-1-every-minute");
        var request = Calls("PutRule").ShouldHaveSingleItem().RequestMessage;
        request.Headers!["Content-Type"].Single().ShouldStartWith("application/x-amz-json-1.1");
        request.Body.ShouldBe("""{"Name":"lc-run1-1-every-minute","ScheduleExpression":"rate(1 minute)","State":"ENABLED","Tags":[{"Key":"conformance-run","Value":"run1"}]}""");
        var authorization = request.Headers["Authorization"].Single();
        authorization.ShouldStartWith($"AWS4-HMAC-SHA256 Credential={AwsStub.AccessKey}/");
        authorization.ShouldContain("/eu-west-1/events/aws4_request");
        authorization.ShouldMatch("SignedHeaders=[a-z0-9;-]*x-amz-target");
    }

    [Fact]
    public async Task An_invalid_schedule_comes_back_as_AWS_s_ValidationException()
    {
        Answer("PutRule", 400, """{"__type":"ValidationException","message":"Parameter ScheduleExpression is not valid."}""");

        var (result, ruleArn) = await Client().PutScheduleRuleAsync("lc-run1-1-bad", "rate(1 minutes)", "run1", default);

        ruleArn.ShouldBeNull();
        result.StatusCode.ShouldBe(400);
        result.ErrorType.ShouldBe("ValidationException");
        result.Message.ShouldBe("Parameter ScheduleExpression is not valid.");
    }

    [Fact]
    public async Task PutTargets_names_the_function_and_a_failed_entry_is_a_failure_with_its_code()
    {
        Answer("PutTargets", 200, """{"FailedEntryCount":1,"FailedEntries":[{"TargetId":"function","ErrorCode":"ConcurrentModificationException","ErrorMessage":"Rule is being modified"}]}""");

        var result = await Client().PutTargetAsync("lc-run1-1-r", "arn:aws:lambda:eu-west-1:111111111111:function:lc-run1-1-probe", default);

        Calls("PutTargets").ShouldHaveSingleItem().RequestMessage.Body
            .ShouldBe("""{"Rule":"lc-run1-1-r","Targets":[{"Id":"function","Arn":"arn:aws:lambda:eu-west-1:111111111111:function:lc-run1-1-probe"}]}""");
        result.Succeeded.ShouldBeFalse();
        result.ErrorType.ShouldBe("ConcurrentModificationException");
        result.Message.ShouldBe("Rule is being modified");
    }

    [Fact]
    public async Task A_rule_is_deleted_after_its_target_is_removed()
    {
        Answer("RemoveTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("DeleteRule", 200, "");

        var result = await Client().DeleteRuleAsync("lc-run1-1-r", default);

        result.Succeeded.ShouldBeTrue();
        var targets = aws.Requests.Select(e => e.RequestMessage.Headers!["X-Amz-Target"].Single()).ToList();
        targets.ShouldBe(["AWSEvents.RemoveTargets", "AWSEvents.DeleteRule"]);
        Calls("RemoveTargets").Single().RequestMessage.Body.ShouldBe("""{"Rule":"lc-run1-1-r","Ids":["function"]}""");
        Calls("DeleteRule").Single().RequestMessage.Body.ShouldBe("""{"Name":"lc-run1-1-r"}""");
    }

    [Fact]
    public async Task ListRules_follows_every_page()
    {
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AWSEvents.ListRules").WithBody(b => b?.Contains("NextToken") != true))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"Rules":[{"Name":"lc-run1-1-a","EventBusName":"default"}],"NextToken":"page-2"}"""));
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", "AWSEvents.ListRules").WithBody(b => b?.Contains("page-2") == true))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"Rules":[{"Name":"lc-run1-2-b","EventBusName":"default"}]}"""));

        var (result, names) = await Client().ListRuleNamesAsync("lc-run1-", default);

        result.Succeeded.ShouldBeTrue();
        names.ShouldBe(["lc-run1-1-a", "lc-run1-2-b"]);
        Calls("ListRules").First().RequestMessage.Body.ShouldBe("""{"NamePrefix":"lc-run1-"}""");
    }

    [Fact]
    public async Task A_bus_is_created_tagged_and_its_rule_matches_a_pattern_on_that_bus()
    {
        Answer("CreateEventBus", 200, """{"EventBusArn":"arn:aws:events:eu-west-1:111111111111:event-bus/lc-run1-1-audit"}""");
        Answer("PutRule", 200, """{"RuleArn":"arn:aws:events:eu-west-1:111111111111:rule/lc-run1-1-audit/lc-run1-1-audit-observed"}""");

        var (created, busArn) = await Client().CreateEventBusAsync("lc-run1-1-audit", "run1", default);
        var (ruled, ruleArn) = await Client().PutPatternRuleAsync("lc-run1-1-audit", "lc-run1-1-audit-observed", """{"source":["lambda"]}""", "run1", default);

        (created.Succeeded && ruled.Succeeded).ShouldBeTrue();
        busArn.ShouldBe("arn:aws:events:eu-west-1:111111111111:event-bus/lc-run1-1-audit");
        ruleArn.ShouldEndWith("rule/lc-run1-1-audit/lc-run1-1-audit-observed");
        Calls("CreateEventBus").Single().RequestMessage.Body.ShouldBe("""{"Name":"lc-run1-1-audit","Tags":[{"Key":"conformance-run","Value":"run1"}]}""");
        var rule = System.Text.Json.Nodes.JsonNode.Parse(Calls("PutRule").Single().RequestMessage.Body!)!;
        rule["EventBusName"]!.ToString().ShouldBe("lc-run1-1-audit");
        rule["EventPattern"]!.ToString().ShouldBe("""{"source":["lambda"]}""");
        rule["State"]!.ToString().ShouldBe("ENABLED");
    }

    [Fact]
    public async Task A_bus_is_deleted_after_each_of_its_rules_and_their_targets()
    {
        Answer("ListRules", 200, """{"Rules":[{"Name":"lc-run1-1-audit-observed","EventBusName":"lc-run1-1-audit"}]}""");
        Answer("RemoveTargets", 200, """{"FailedEntryCount":0,"FailedEntries":[]}""");
        Answer("DeleteRule", 200, "");
        Answer("DeleteEventBus", 200, "");

        var result = await Client().DeleteEventBusAsync("lc-run1-1-audit", default);

        result.Succeeded.ShouldBeTrue();
        aws.Requests.Select(e => e.RequestMessage.Headers!["X-Amz-Target"].Single()).ShouldBe(
            ["AWSEvents.ListRules", "AWSEvents.RemoveTargets", "AWSEvents.DeleteRule", "AWSEvents.DeleteEventBus"]);
        Calls("ListRules").Single().RequestMessage.Body.ShouldBe("""{"EventBusName":"lc-run1-1-audit"}""");
        Calls("DeleteRule").Single().RequestMessage.Body.ShouldBe("""{"Name":"lc-run1-1-audit-observed","EventBusName":"lc-run1-1-audit"}""");
    }
}
