using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Events;
using Conformance.Events.EventBridge;
using Conformance.Events.Generation;
using Conformance.Core.Resources;

namespace Conformance.Engine.Push;

/// <summary>
/// EventBridge scheduled rules (https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html): at each time the schedule expression names, the rule invokes its
/// function asynchronously with the scheduled-event shape (<c>detail-type</c> "Scheduled Event", source
/// "aws.events", the rule's ARN in <c>resources</c>, empty <c>detail</c>). The function's policy must let
/// <c>events.amazonaws.com</c> invoke it; otherwise EventBridge's delivery fails and the function never runs.
/// A rate schedule first fires one period after the rule is created.
/// </summary>
public sealed class ScheduleRules(EngineParts engine)
{
    public const string Principal = "events.amazonaws.com";

    private readonly Dictionary<string, ITimer> timers = new(StringComparer.Ordinal);
    private readonly List<(string Rule, DateTimeOffset At)> failedDeliveries = [];

    /// <summary>Fire times whose delivery to the function failed (no permission, unknown function).</summary>
    public IReadOnlyList<(string Rule, DateTimeOffset At)> FailedDeliveries => failedDeliveries;

    public string RuleArn(string name) => Arn.Rule(engine.Settings.Region, engine.Settings.AccountId, name).ToString();

    /// <summary>
    /// <c>PutRule</c> plus <c>PutTargets</c>: validates the expression and starts the schedule. An invalid
    /// expression answers <c>ValidationException</c> "Parameter ScheduleExpression is not valid.", with no
    /// detail, as recorded on AWS (localstack/localstack at 8b9a79f0,
    /// tests/aws/services/events/test_events_schedule.snapshot.json,
    /// TestScheduleCron::tests_put_rule_with_invalid_schedule_cron, recorded 2025-01-22).
    /// </summary>
    public ApiResult PutRule(ScheduleRule rule)
    {
        var expression = ScheduleExpression.Parse(rule.ScheduleExpression, out _);
        if (expression is null) return new ApiResult(400, "ValidationException", "Parameter ScheduleExpression is not valid.");
        if (timers.Remove(rule.Name, out var previous)) previous.Dispose();
        Arm(rule, expression, engine.Time.GetUtcNow());
        return ApiResult.Ok;
    }

    public ApiResult DeleteRule(string name)
    {
        if (!timers.Remove(name, out var timer)) return new ApiResult(404, "ResourceNotFoundException", $"Rule {name} does not exist.");
        timer.Dispose();
        return ApiResult.Ok;
    }

    private void Arm(ScheduleRule rule, ScheduleExpression expression, DateTimeOffset from)
    {
        var next = expression.Next(from);
        if (next == DateTimeOffset.MaxValue) return;
        ITimer? timer = null;
        timer = engine.Time.CreateTimer(_ =>
        {
            timer!.Dispose();
            Fire(rule, next);
            Arm(rule, expression, next);
        }, null, next - engine.Time.GetUtcNow(), Timeout.InfiniteTimeSpan);
        timers[rule.Name] = timer;
    }

    private void Fire(ScheduleRule rule, DateTimeOffset at)
    {
        var scheduled = new EventBridgeEvent("0", engine.Ids.Uuid(), "Scheduled Event", "aws.events", engine.Settings.AccountId,
            AwsIdentity.IsoSeconds(at), engine.Settings.Region, [RuleArn(rule.Name)], new System.Text.Json.Nodes.JsonObject());
        var response = engine.Functions.InvokeAsService(Principal, RuleArn(rule.Name), rule.FunctionName, EventJson.Serialize(scheduled), InvocationType.Event);
        if (response.StatusCode != 202) failedDeliveries.Add((rule.Name, at));
    }
}
