using System.Text.Json.Nodes;
using Conformance.Core.Functions;

namespace Conformance.Engine.Tests.Pull;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html, https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html, https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html: SQS queues and their event source mappings.</summary>
public sealed class SqsMappingTests
{
    private static (EngineFixture Fixture, string Uuid) Mapped(FunctionBehaviour behaviour, QueueSpec? queue = null, Func<EventSourceMappingSpec, EventSourceMappingSpec>? configure = null)
    {
        var fixture = new EngineFixture().WithFunction(behaviour);
        var spec = queue ?? new QueueSpec("orders");
        if (spec.DeadLetterQueueName is { } dlq) fixture.Engine.Pull.CreateQueue(new QueueSpec(dlq));
        var (_, arn) = fixture.Engine.Pull.CreateQueue(spec);
        var mapping = new EventSourceMappingSpec(arn!, "fn");
        var (result, uuid) = fixture.Engine.Pull.CreateEventSourceMapping(configure?.Invoke(mapping) ?? mapping);
        result.Succeeded.ShouldBeTrue(result.ToString());
        return (fixture, uuid!);
    }

    private static void Send(EngineFixture fixture, int count, string queue = "orders", string? group = null)
    {
        for (var i = 1; i <= count; i++) fixture.Engine.Pull.SendMessage(queue, new QueueMessage($"{{\"n\":{i}}}") { GroupId = group, DeduplicationId = group is null ? null : $"d{i}" });
    }

    [Fact]
    public void S8_a_successful_batch_is_deleted_and_the_event_has_the_sqs_shape()
    {
        var (fixture, _) = Mapped(new FunctionBehaviour());

        Send(fixture, 3);
        fixture.Pass(TimeSpan.FromSeconds(1));

        var invocation = fixture.Engine.Invocations("fn").ShouldHaveSingleItem();
        var records = JsonNode.Parse(invocation.Event)!["Records"]!.AsArray();
        records.Count.ShouldBe(3);
        records[0]!["eventSource"]!.GetValue<string>().ShouldBe("aws:sqs");
        records[0]!["attributes"]!["ApproximateReceiveCount"]!.GetValue<string>().ShouldBe("1");
        records[0]!["md5OfBody"]!.GetValue<string>().ShouldBe(Events.Generation.AwsIdentity.Md5Hex("{\"n\":1}"));
        fixture.Engine.Pull.QueueState("orders")!.Total.ShouldBe(0);
    }

    [Fact]
    public void S8_a_failed_batch_returns_after_the_visibility_timeout_and_goes_to_the_dlq_after_max_receive_count()
    {
        var (fixture, _) = Mapped(FunctionBehaviour.AlwaysFailing("Error", "boom"), new QueueSpec("orders") { VisibilityTimeoutSeconds = 30, DeadLetterQueueName = "orders-dlq", MaxReceiveCount = 3 });

        Send(fixture, 1);
        fixture.Pass(TimeSpan.FromMinutes(5));

        fixture.InvocationTimes().ShouldBe([0, 30, 60]);
        fixture.Engine.Pull.QueueState("orders")!.Total.ShouldBe(0);
        fixture.Engine.Pull.QueueBodies("orders-dlq").ShouldBe(["{\"n\":1}"]);
        JsonNode.Parse(fixture.Engine.Invocations("fn")[2].Event)!["Records"]![0]!["attributes"]!["ApproximateReceiveCount"]!.GetValue<string>().ShouldBe("3");
    }

    [Theory]
    [InlineData("null", 0)]
    [InlineData("", 0)]
    [InlineData("{}", 0)]
    [InlineData("{\"batchItemFailures\":[]}", 0)]
    [InlineData("{\"batchItemFailures\":null}", 0)]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"SECOND\"}]}", 1)]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", 3)]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", 3)]
    [InlineData("{\"batchItemFailures\":[{\"id\":\"SECOND\"}]}", 3)]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-batch\"}]}", 3)]
    [InlineData("not json", 3)]
    public void S8_partial_batch_responses_follow_the_success_and_failure_matrix(string response, int remaining)
    {
        var (fixture, uuid) = Mapped(new FunctionBehaviour(), configure: m => m with { FunctionResponseTypes = ["ReportBatchItemFailures"], Enabled = false });
        var ids = Enumerable.Range(1, 3).Select(i => fixture.Engine.Pull.SendMessage("orders", new QueueMessage($"{{\"n\":{i}}}")).MessageId!).ToList();
        fixture.Engine.UpdateFunction(new FunctionSpec("fn", FunctionBehaviour.Returning(response.Replace("SECOND", ids[1]))));

        fixture.Engine.Pull.SetEnabled(uuid, true);
        fixture.Pass(TimeSpan.FromSeconds(1));

        fixture.Engine.Invocations("fn").Count.ShouldBe(1);
        fixture.Engine.Pull.QueueState("orders")!.Total.ShouldBe(remaining);
        if (remaining == 1) fixture.Engine.Pull.QueueBodies("orders").ShouldBe(["{\"n\":2}"]);
    }

    [Fact]
    public void S8_without_report_batch_item_failures_a_partial_response_is_ignored()
    {
        var (fixture, _) = Mapped(FunctionBehaviour.Returning("{\"batchItemFailures\":[{\"itemIdentifier\":\"x\"}]}"));

        Send(fixture, 2);
        fixture.Pass(TimeSpan.FromSeconds(1));

        fixture.Engine.Pull.QueueState("orders")!.Total.ShouldBe(0);
    }

    [Fact]
    public void S8_a_batching_window_waits_for_a_full_batch_or_the_window()
    {
        var (fixture, _) = Mapped(new FunctionBehaviour(), configure: m => m with { BatchSize = 5, MaximumBatchingWindowInSeconds = 10 });

        Send(fixture, 2);
        fixture.Pass(TimeSpan.FromSeconds(5));
        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        Send(fixture, 3);
        fixture.Pass(TimeSpan.Zero);

        var invocation = fixture.Engine.Invocations("fn").ShouldHaveSingleItem();
        JsonNode.Parse(invocation.Event)!["Records"]!.AsArray().Count.ShouldBe(5);
        (invocation.At - EngineFixture.Start).TotalSeconds.ShouldBe(5);
    }

    [Fact]
    public void S8_fifo_groups_are_delivered_in_order_and_a_failing_group_waits()
    {
        var (fixture, _) = Mapped(FunctionBehaviour.Returning("null") with { FailingInvocations = 1 }, new QueueSpec("orders.fifo") { VisibilityTimeoutSeconds = 30 },
            m => m with { BatchSize = 1 });

        Send(fixture, 3, "orders.fifo", group: "g1");
        fixture.Pass(TimeSpan.FromMinutes(2));

        fixture.Engine.Invocations("fn").Select(i => JsonNode.Parse(i.Event)!["Records"]![0]!["body"]!.GetValue<string>())
            .ShouldBe(["{\"n\":1}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}"]);
        fixture.InvocationTimes().First().ShouldBe(0);
        fixture.InvocationTimes().Skip(1).First().ShouldBe(30);
    }

    [Fact]
    public void S11_messages_the_filters_reject_are_deleted_without_invoking()
    {
        var (fixture, uuid) = Mapped(new FunctionBehaviour(), configure: m => m with { FilterPatterns = ["{\"body\":{\"kind\":[\"order\"]}}"] });

        fixture.Engine.Pull.SendMessage("orders", new QueueMessage("{\"kind\":\"order\"}"));
        fixture.Engine.Pull.SendMessage("orders", new QueueMessage("{\"kind\":\"refund\"}"));
        fixture.Engine.Pull.SendMessage("orders", new QueueMessage("plain text"));
        fixture.Pass(TimeSpan.FromSeconds(1));

        fixture.Engine.Invocations("fn").Select(i => JsonNode.Parse(i.Event)!["Records"]!.AsArray().Count).Sum().ShouldBe(1);
        fixture.Engine.Pull.QueueState("orders")!.Total.ShouldBe(0);
        fixture.Engine.Pull.Mapping(uuid)!.FilteredOut.ShouldBe(2);
    }

    [Fact]
    public void S7_a_disabled_mapping_does_not_poll_until_enabled()
    {
        var (fixture, uuid) = Mapped(new FunctionBehaviour(), configure: m => m with { Enabled = false });

        Send(fixture, 1);
        fixture.Pass(TimeSpan.FromMinutes(1));
        fixture.Engine.Invocations("fn").ShouldBeEmpty();
        fixture.Engine.Pull.SetEnabled(uuid, true);
        fixture.Pass(TimeSpan.Zero);

        fixture.Engine.Invocations("fn").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("orders", 11, null, "InvalidParameterValueException", "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10")]
    [InlineData("orders", 10_001, 1, "ValidationException", "less than or equal to 10000")]
    [InlineData("orders.fifo", 11, null, "InvalidParameterValueException", "between 1 and 10 inclusive")]
    [InlineData("orders.fifo", 5, 1, "InvalidParameterValueException", "Batching window is not supported for FIFO queues")]
    [InlineData("orders", 0, null, "ValidationException", "greater than or equal to 1")]
    public void S8_invalid_batching_is_rejected(string queueName, int batchSize, int? window, string errorType, string message)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec(queueName));

        var (result, _) = fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = batchSize, MaximumBatchingWindowInSeconds = window });

        result.ErrorType.ShouldBe(errorType);
        result.Message.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void S8_a_function_timeout_above_the_visibility_timeout_is_rejected()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour(), timeout: TimeSpan.FromSeconds(60));
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("orders") { VisibilityTimeoutSeconds = 30 });

        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn")).Result.Message
            .ShouldBe("Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds");
    }

    [Theory]
    [InlineData(new[] { "{\"a\":[1]}", "{\"a\":[2]}", "{\"a\":[3]}", "{\"a\":[4]}", "{\"a\":[5]}", "{\"a\":[6]}" }, "exceeds the maximum of 5")]
    [InlineData(new[] { "not json" }, "Invalid filter pattern definition")]
    [InlineData(new[] { "{\"a\":1}" }, "must be an array")]
    public void S11_invalid_filters_are_rejected(string[] patterns, string message)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateQueue(new QueueSpec("orders"));

        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { FilterPatterns = patterns }).Result.Message
            .ShouldNotBeNull().ShouldContain(message);
    }
}
