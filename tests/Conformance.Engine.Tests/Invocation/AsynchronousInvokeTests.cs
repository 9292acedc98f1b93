using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Invocation;

namespace Conformance.Engine.Tests.Invocation;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html and recorded on AWS: localstack/localstack tests/aws/services/lambda_/test_lambda_destinations.snapshot.json at 8b9a79f0 (test_retries recorded 2025-11-25, test_maxeventage recorded 2025-11-27): the async queue, retries and event age.</summary>
public sealed class AsynchronousInvokeTests
{
    [Fact]
    public void S4_1_a_failing_event_is_retried_twice_1_then_2_minutes_apart_with_one_request_id()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));

        var accepted = fixture.Invoke(InvocationType.Event);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        fixture.InvocationTimes().ShouldBe([0, 60, 180]);
        fixture.Engine.Invocations("fn").ShouldAllBe(r => r.RequestId == accepted.RequestId);
        var discard = fixture.Engine.AsyncDiscards.ShouldHaveSingleItem();
        discard.Reason.ShouldBe(AsyncDiscardReason.RetriesExhausted);
        discard.Attempts.ShouldBe(3);
        discard.At.ShouldBe(EngineFixture.Start.AddSeconds(180));
    }

    [Fact]
    public void S4_1_a_successful_retry_ends_the_event()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1") with { FailingInvocations = 1 });

        fixture.Invoke(InvocationType.Event);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        fixture.InvocationTimes().ShouldBe([0, 60]);
        fixture.Engine.AsyncDiscards.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, new double[] { 0 })]
    [InlineData(1, new double[] { 0, 60 })]
    [InlineData(2, new double[] { 0, 60, 180 })]
    public void S4_1_maximum_retry_attempts_limits_the_retries(int retries, double[] times)
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumRetryAttempts: retries)).Succeeded.ShouldBeTrue();

        fixture.Invoke(InvocationType.Event);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        fixture.InvocationTimes().ShouldBe(times);
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(90, 2)]
    [InlineData(180, 2)]
    [InlineData(181, 3)]
    public void S18_event_age_is_checked_before_a_retry_is_scheduled(int maximumAge, int attempts)
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumEventAgeInSeconds: maximumAge));

        fixture.Invoke(InvocationType.Event);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        fixture.Engine.Invocations("fn").Count.ShouldBe(attempts);
        var expectedReason = attempts == 3 ? AsyncDiscardReason.RetriesExhausted : AsyncDiscardReason.EventAgeExceeded;
        fixture.Engine.AsyncDiscards.ShouldHaveSingleItem().Reason.ShouldBe(expectedReason);
    }

    [Theory]
    [InlineData(3, null, "Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2")]
    [InlineData(-1, null, "Value '-1' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to 0")]
    [InlineData(null, 59, "Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60")]
    [InlineData(null, 21_601, "Value '21601' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 21600")]
    public void S4_1_out_of_range_settings_break_a_model_constraint(int? retries, int? age, string message)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());

        var result = fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(retries, age));

        result.StatusCode.ShouldBe(400);
        result.ErrorType.ShouldBe("ValidationException");
        result.Message.ShouldBe($"1 validation error detected: {message}");
    }

    [Fact]
    public void S4_1_put_replaces_the_whole_configuration()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumRetryAttempts: 0));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumEventAgeInSeconds: 3600));

        fixture.Invoke(InvocationType.Event);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        fixture.Engine.Invocations("fn").Count.ShouldBe(3); // retries back to the default 2
    }

    [Fact]
    public void Configuring_an_unknown_function_answers_404() =>
        new EngineFixture().Engine.PutFunctionEventInvokeConfig("nope", new EventInvokeConfig(1)).StatusCode.ShouldBe(404);

    [Fact]
    public void Six_hours_of_retries_for_many_events_run_on_virtual_time_and_repeat_exactly()
    {
        IEnumerable<string> Run()
        {
            var fixture = new EngineFixture(seed: 42).WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
            for (var i = 0; i < 1000; i++)
            {
                fixture.Engine.Invoke(new InvokeRequest("fn", InvocationType.Event, $"{{\"n\":{i}}}"));
                fixture.Clock.Advance(TimeSpan.FromSeconds(20));
            }
            fixture.Clock.Advance(TimeSpan.FromHours(6));
            return fixture.Engine.Invocations("fn").Select(r => $"{r.At:O} {r.RequestId} {r.Event}");
        }

        var first = Run().ToList();
        first.Count.ShouldBe(3000);
        Run().ShouldBe(first);
    }
}
