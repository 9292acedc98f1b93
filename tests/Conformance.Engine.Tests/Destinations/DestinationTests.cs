using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;

namespace Conformance.Engine.Tests.Destinations;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html: destinations and dead-letter queues.</summary>
public sealed class DestinationTests
{
    private const string Queue = "arn:aws:sqs:us-east-1:123456789012:destination";
    private const string Dlq = "arn:aws:sqs:us-east-1:123456789012:dlq";

    private static JsonNode Body(Core.Observation.DestinationRecord record) => JsonNode.Parse(record.Body)!;

    [Fact]
    public void S4_2_a_successful_event_sends_a_success_record_to_the_on_success_destination()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("{\"status\":\"ok\"}"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnSuccessDestination: Queue));

        var accepted = fixture.Invoke(InvocationType.Event, "{\"orderId\":42}");

        var record = Body(fixture.Engine.DestinationRecords(Queue).ShouldHaveSingleItem());
        record["version"]!.GetValue<string>().ShouldBe("1.0");
        record["requestContext"]!["requestId"]!.GetValue<string>().ShouldBe(accepted.RequestId);
        record["requestContext"]!["functionArn"]!.GetValue<string>().ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST");
        record["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("Success");
        record["requestContext"]!["approximateInvokeCount"]!.GetValue<int>().ShouldBe(1);
        record["requestPayload"]!.ToJsonString().ShouldBe("{\"orderId\":42}");
        record["responseContext"]!.ToJsonString().ShouldBe("{\"statusCode\":200,\"executedVersion\":\"$LATEST\"}");
        record["responsePayload"]!.ToJsonString().ShouldBe("{\"status\":\"ok\"}");
    }

    [Fact]
    public void S4_2_an_event_that_fails_every_attempt_sends_a_retries_exhausted_record()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnFailureDestination: Queue));

        fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromMinutes(2));
        fixture.Engine.DestinationRecords(Queue).ShouldBeEmpty(); // not before the last attempt
        fixture.Pass(TimeSpan.FromMinutes(2));

        var delivered = fixture.Engine.DestinationRecords(Queue).ShouldHaveSingleItem();
        delivered.At.ShouldBe(EngineFixture.Start.AddSeconds(180));
        var record = Body(delivered);
        record["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("RetriesExhausted");
        record["requestContext"]!["approximateInvokeCount"]!.GetValue<int>().ShouldBe(3);
        record["responseContext"]!["functionError"]!.GetValue<string>().ShouldBe("Unhandled");
        record["responsePayload"]!["errorMessage"]!.GetValue<string>().ShouldBe("boom");
    }

    [Fact]
    public void S18_an_event_dropped_for_its_age_sends_an_event_age_exceeded_record()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumEventAgeInSeconds: 90, OnFailureDestination: Queue));

        fixture.Invoke(InvocationType.Event);
        fixture.Pass(TimeSpan.FromMinutes(10));

        var record = Body(fixture.Engine.DestinationRecords(Queue).ShouldHaveSingleItem());
        record["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("EventAgeExceeded");
        record["requestContext"]!["approximateInvokeCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public void S4_3_the_dead_letter_queue_gets_the_event_as_is_with_request_id_error_code_and_message()
    {
        var fixture = new EngineFixture();
        fixture.Engine.CreateFunction(new FunctionSpec("fn", FunctionBehaviour.AlwaysFailing("Error", new string('x', 3000))) { DeadLetterTargetArn = Dlq });

        var accepted = fixture.Invoke(InvocationType.Event, "{\"orderId\": 42}");
        fixture.Pass(TimeSpan.FromMinutes(5));

        var message = fixture.Engine.DestinationRecords(Dlq).ShouldHaveSingleItem();
        message.Body.ShouldBe("{\"orderId\": 42}");
        message.Attributes["RequestID"].ShouldBe(accepted.RequestId);
        message.Attributes["ErrorCode"].ShouldBe("200");
        // The error's message, not its document, cut at 1 KB (recorded: test_lambda_destinations.snapshot.json, test_dead_letter_queue, 2025-11-24).
        message.Attributes["ErrorMessage"].ShouldBe(new string('x', 1024));
    }

    [Fact]
    public void S4_1_with_reserved_concurrency_0_events_go_straight_to_the_dlq_and_destination_without_an_attempt()
    {
        var fixture = new EngineFixture();
        fixture.Engine.CreateFunction(new FunctionSpec("fn", new FunctionBehaviour()) { DeadLetterTargetArn = Dlq });
        fixture.Engine.PutFunctionConcurrency("fn", 0);
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnFailureDestination: Queue));

        fixture.Invoke(InvocationType.Event).StatusCode.ShouldBe(202);

        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        fixture.Engine.DestinationRecords(Dlq).ShouldHaveSingleItem().Attributes["ErrorCode"].ShouldBe("429");
        var record = Body(fixture.Engine.DestinationRecords(Queue).ShouldHaveSingleItem());
        record["requestContext"]!["approximateInvokeCount"]!.GetValue<int>().ShouldBe(0);
        record.AsObject().ContainsKey("responseContext").ShouldBeFalse();
    }

    [Fact]
    public void S4_2_an_eventbridge_destination_gets_the_record_as_detail_with_source_lambda()
    {
        const string bus = "arn:aws:events:us-east-1:123456789012:event-bus/default";
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnSuccessDestination: bus));

        fixture.Invoke(InvocationType.Event);

        var wrapped = Body(fixture.Engine.DestinationRecords(bus).ShouldHaveSingleItem());
        wrapped["source"]!.GetValue<string>().ShouldBe("lambda");
        wrapped["detail-type"]!.GetValue<string>().ShouldBe("Lambda Function Invocation Result - Success");
        wrapped["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST", bus]);
        wrapped["detail"]!["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("Success");
    }

    [Fact]
    public void S4_2_a_lambda_destination_is_invoked_asynchronously_with_the_record()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom")).WithFunction(new FunctionBehaviour(), "handler");
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumRetryAttempts: 0,
            OnFailureDestination: "arn:aws:lambda:us-east-1:123456789012:function:handler"));

        fixture.Invoke(InvocationType.Event);

        var handled = fixture.Engine.Invocations("handler").ShouldHaveSingleItem();
        JsonNode.Parse(handled.Event)!["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("RetriesExhausted");
    }

    [Fact]
    public void S4_2_s3_is_an_on_failure_destination_only()
    {
        const string bucket = "arn:aws:s3:::failures";
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));

        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnSuccessDestination: bucket)).ErrorType.ShouldBe("InvalidParameterValueException");
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumRetryAttempts: 0, OnFailureDestination: bucket)).Succeeded.ShouldBeTrue();
        fixture.Invoke(InvocationType.Event);

        fixture.Engine.DestinationRecords(bucket).ShouldHaveSingleItem().Attributes["key"].ShouldStartWith("aws/lambda/async/fn/2025/01/01/");
    }

    [Fact]
    public void S4_2_a_fifo_queue_is_not_a_supported_destination_and_the_delivery_fails()
    {
        const string fifo = "arn:aws:sqs:us-east-1:123456789012:destination.fifo";
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("1"));
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnSuccessDestination: fifo));

        fixture.Invoke(InvocationType.Event);

        fixture.Engine.DestinationRecords(fifo).ShouldBeEmpty();
        fixture.Engine.DestinationDeliveryFailures.ShouldHaveSingleItem().DestinationArn.ShouldBe(fifo);
    }

    [Fact]
    public void S4_1_async_configuration_applies_to_the_qualifier_it_was_put_on()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.AlwaysFailing("Error", "boom"));
        fixture.Engine.PublishVersion("fn");
        fixture.Engine.CreateAlias("fn", "live", "1");
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(MaximumRetryAttempts: 0, Qualifier: "live")).Succeeded.ShouldBeTrue();

        fixture.Invoke(new InvokeRequest("fn:live", InvocationType.Event, "{}"));
        fixture.Pass(TimeSpan.FromHours(1));
        fixture.Engine.Invocations("fn").Count.ShouldBe(1);

        fixture.Invoke(new InvokeRequest("fn", InvocationType.Event, "{}"));
        fixture.Pass(TimeSpan.FromHours(1));
        fixture.Engine.Invocations("fn").Count.ShouldBe(4); // $LATEST keeps the default 2 retries
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/t")]
    [InlineData("not-an-arn")]
    public void S4_2_a_destination_of_an_unsupported_kind_is_rejected(string arn) =>
        new EngineFixture().WithFunction(new FunctionBehaviour()).Engine
            .PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnFailureDestination: arn)).ErrorType.ShouldBe("InvalidParameterValueException");

    [Fact]
    public void An_event_for_a_function_with_reserved_concurrency_0_is_discarded_at_once_under_the_condition_the_settings_name()
    {
        var fixture = new EngineFixture(settings: new EngineSettings { ZeroConcurrencyCondition = "ZeroConcurrency-as-pinned" }).WithFunction(new FunctionBehaviour());
        fixture.Engine.PutFunctionConcurrency("fn", 0);
        fixture.Engine.PutFunctionEventInvokeConfig("fn", new EventInvokeConfig(OnFailureDestination: Queue));

        fixture.Invoke(InvocationType.Event);

        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        fixture.Engine.AsyncDiscards.ShouldHaveSingleItem().Reason.ShouldBe(Conformance.Engine.Invocation.AsyncDiscardReason.ZeroConcurrency);
        Body(fixture.Engine.DestinationRecords(Queue).ShouldHaveSingleItem())["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("ZeroConcurrency-as-pinned");
    }
}
