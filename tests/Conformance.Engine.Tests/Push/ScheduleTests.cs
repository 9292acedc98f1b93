using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Push;

namespace Conformance.Engine.Tests.Push;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html: scheduled EventBridge rules.</summary>
public sealed class ScheduleTests
{
    private static EngineFixture Scheduled(string expression, bool permitted = true)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        if (permitted) fixture.Allow(ScheduleRules.Principal);
        fixture.Engine.Schedules.PutRule(new ScheduleRule("tick", expression, "fn")).Succeeded.ShouldBeTrue();
        return fixture;
    }

    [Fact]
    public void S14_a_rate_rule_invokes_every_period_with_the_scheduled_event()
    {
        var fixture = Scheduled("rate(5 minutes)");

        fixture.Pass(TimeSpan.FromMinutes(16));

        fixture.InvocationTimes().ShouldBe([300, 600, 900]);
        var scheduled = JsonNode.Parse(fixture.Engine.Invocations("fn")[0].Event)!;
        scheduled["detail-type"]!.GetValue<string>().ShouldBe("Scheduled Event");
        scheduled["source"]!.GetValue<string>().ShouldBe("aws.events");
        scheduled["resources"]![0]!.GetValue<string>().ShouldBe("arn:aws:events:us-east-1:123456789012:rule/tick");
        scheduled["detail"]!.ToJsonString().ShouldBe("{}");
        scheduled["time"]!.GetValue<string>().ShouldBe("2025-01-01T00:05:00Z");
    }

    [Fact]
    public void S14_a_cron_rule_fires_at_the_matching_times_in_utc()
    {
        var fixture = Scheduled("cron(30 12 * * ? *)");

        fixture.Pass(TimeSpan.FromDays(3));

        fixture.Engine.Invocations("fn").Select(i => i.At.ToString("MM-dd HH:mm")).ShouldBe(["01-01 12:30", "01-02 12:30", "01-03 12:30"]);
    }

    [Fact]
    public void S14_cron_day_of_week_lists_and_steps_are_honoured()
    {
        var fixture = Scheduled("cron(0/20 9 ? * MON-FRI *)"); // 2025-01-01 is a Wednesday

        fixture.Pass(TimeSpan.FromDays(7));

        fixture.Engine.Invocations("fn").Count.ShouldBe(5 * 3);
        fixture.Engine.Invocations("fn").ShouldAllBe(i => i.At.DayOfWeek != DayOfWeek.Saturday && i.At.DayOfWeek != DayOfWeek.Sunday);
    }

    [Fact]
    public void S14_without_permission_the_rule_cannot_invoke_the_function()
    {
        var fixture = Scheduled("rate(1 minute)", permitted: false);

        fixture.Pass(TimeSpan.FromMinutes(3));

        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        fixture.Engine.Schedules.FailedDeliveries.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("rate(1 minutes)")]
    [InlineData("rate(5 minute)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("cron(0 12 * * * *)")]
    [InlineData("cron(0 12 * *)")]
    [InlineData("cron(61 12 * * ? *)")]
    [InlineData("every 5 minutes")]
    public void S14_an_invalid_schedule_expression_is_rejected(string expression)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var result = fixture.Engine.Schedules.PutRule(new ScheduleRule("bad", expression, "fn"));
        result.ErrorType.ShouldBe("ValidationException");
        result.Message.ShouldBe("Parameter ScheduleExpression is not valid.");
    }

    [Fact]
    public void Six_simulated_hours_of_schedules_and_retries_repeat_exactly_for_a_seed()
    {
        IReadOnlyList<string> Run()
        {
            var fixture = new EngineFixture(seed: 9).WithFunction(Core.Functions.FunctionBehaviour.AlwaysFailing("Error", "boom")).Allow(ScheduleRules.Principal);
            fixture.Engine.Schedules.PutRule(new ScheduleRule("tick", "rate(1 minute)", "fn"));
            fixture.Pass(TimeSpan.FromHours(6));
            return fixture.Engine.Invocations("fn").Select(i => $"{i.At:O} {i.RequestId} {i.Event}").ToList();
        }

        var first = Run();
        first.Count.ShouldBeGreaterThan(1000);
        Run().ShouldBe(first);
    }
}
