using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine.Invocation;

namespace Conformance.Engine.Tests.Concurrency;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html (and the async path of https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html): reserved and account concurrency, throttling.</summary>
public sealed class ConcurrencyTests
{
    private static readonly FunctionBehaviour TenSeconds = new() { Duration = TimeSpan.FromSeconds(10) };

    [Fact]
    public void S6_reserved_concurrency_caps_executions_in_flight_and_frees_them_when_they_end()
    {
        var fixture = new EngineFixture().WithFunction(TenSeconds, timeout: TimeSpan.FromSeconds(30));
        fixture.Engine.PutFunctionConcurrency("fn", 2).Succeeded.ShouldBeTrue();

        fixture.Invoke(InvocationType.RequestResponse).StatusCode.ShouldBe(200);
        fixture.Invoke(InvocationType.RequestResponse).StatusCode.ShouldBe(200);
        var throttled = fixture.Invoke(InvocationType.RequestResponse);
        fixture.Pass(TimeSpan.FromSeconds(10));
        var later = fixture.Invoke(InvocationType.RequestResponse);

        throttled.StatusCode.ShouldBe(429);
        throttled.ErrorType.ShouldBe("TooManyRequestsException");
        throttled.ThrottleReason.ShouldBe("ReservedFunctionConcurrentInvocationLimitExceeded");
        throttled.Payload.ShouldNotBeNull().ShouldContain("\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"");
        later.StatusCode.ShouldBe(200);
    }

    [Fact]
    public void S6_reserved_concurrency_0_throttles_every_synchronous_invocation()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        fixture.Engine.PutFunctionConcurrency("fn", 0);

        fixture.Invoke(InvocationType.RequestResponse).ThrottleReason.ShouldBe("ReservedFunctionConcurrentInvocationLimitExceeded");
        fixture.Engine.Invocations("fn").ShouldBeEmpty();
    }

    [Fact]
    public void S6_unreserved_functions_share_the_account_concurrency_left_after_reservations()
    {
        var fixture = new EngineFixture(settings: new EngineSettings { AccountConcurrency = 103, MinimumUnreservedConcurrency = 1 })
            .WithFunction(TenSeconds, "a", TimeSpan.FromSeconds(30)).WithFunction(TenSeconds, "b", TimeSpan.FromSeconds(30)).WithFunction(TenSeconds, "c", TimeSpan.FromSeconds(30));
        fixture.Engine.PutFunctionConcurrency("c", 100).Succeeded.ShouldBeTrue(); // 3 left for a and b together

        fixture.Invoke(InvocationType.RequestResponse, name: "a").StatusCode.ShouldBe(200);
        fixture.Invoke(InvocationType.RequestResponse, name: "b").StatusCode.ShouldBe(200);
        fixture.Invoke(InvocationType.RequestResponse, name: "a").StatusCode.ShouldBe(200);
        fixture.Invoke(InvocationType.RequestResponse, name: "b").ThrottleReason.ShouldBe("ConcurrentInvocationLimitExceeded");
        fixture.Invoke(InvocationType.RequestResponse, name: "c").StatusCode.ShouldBe(200);
    }

    [Fact]
    public void S6_reservations_must_leave_100_unreserved()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour(), "a").WithFunction(new FunctionBehaviour(), "b");
        fixture.Engine.PutFunctionConcurrency("a", 850).Succeeded.ShouldBeTrue();

        var refused = fixture.Engine.PutFunctionConcurrency("b", 51);

        refused.ErrorType.ShouldBe("InvalidParameterValueException");
        refused.Message.ShouldBe("Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
        fixture.Engine.PutFunctionConcurrency("b", 50).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void S4_1_a_throttled_async_event_backs_off_from_1_second_doubling_without_using_a_retry()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour { Duration = TimeSpan.FromSeconds(60) }, timeout: TimeSpan.FromSeconds(300));
        fixture.Engine.PutFunctionConcurrency("fn", 1);
        fixture.Invoke(InvocationType.RequestResponse).StatusCode.ShouldBe(200); // holds the only slot for 60 s

        fixture.Invoke(InvocationType.Event).StatusCode.ShouldBe(202);
        fixture.Pass(TimeSpan.FromMinutes(10));

        // Throttled at 0, then retried after 1, 2, 4, 8, 16 and 32 s: the slot is free at 63 s.
        fixture.InvocationTimes().ShouldBe([0, 63]);
        fixture.Engine.AsyncDiscards.ShouldBeEmpty();
    }

    [Fact]
    public void S4_1_throttles_do_not_use_up_retries_but_end_when_the_event_is_too_old()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        fixture.Engine.PutFunctionConcurrency("fn", 1);
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumEventAgeInSeconds: 600));
        fixture.Engine.UpdateFunction(new FunctionSpec("fn", new FunctionBehaviour { Duration = TimeSpan.FromHours(1) }) { Timeout = TimeSpan.FromSeconds(900) });
        fixture.Invoke(InvocationType.RequestResponse); // occupies the slot for 900 s (the timeout)

        fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromHours(1));

        var discard = fixture.Engine.AsyncDiscards.ShouldHaveSingleItem();
        discard.Reason.ShouldBe(AsyncDiscardReason.EventAgeExceeded);
        discard.Attempts.ShouldBe(0);
        (discard.At - EngineFixture.Start).ShouldBeLessThan(TimeSpan.FromSeconds(600));
    }

    [Fact]
    public void S4_1_injected_system_errors_are_retried_with_backoff_and_not_counted()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.InjectAsyncFaults("fn", new AsyncFaultPlan(SystemErrors: 2));

        fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromHours(1));

        fixture.InvocationTimes().ShouldBe([3, 63, 183]); // system errors at 0 and 1 s, then the three attempts
    }

    [Fact]
    public void S4_1_duplicate_delivery_is_an_injectable_fault_with_the_same_request_id()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1"));
        fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromMinutes(1));
        fixture.Engine.Invocations("fn").Count.ShouldBe(1); // off by default

        fixture.Engine.InjectAsyncFaults("fn", new AsyncFaultPlan(DuplicateDelivery: true));
        var accepted = fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromMinutes(1));

        fixture.Engine.Invocations("fn").Where(i => i.RequestId == accepted.RequestId).Count().ShouldBe(2);
    }
}
