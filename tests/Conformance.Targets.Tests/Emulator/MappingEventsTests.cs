using Conformance.Core.Functions;
using Conformance.Targets.Emulator;

namespace Conformance.Targets.Tests.Emulator;

/// <summary>A mapping becomes serverless's event with the settings as given, so serverless, not the adapter, judges them.</summary>
public sealed class MappingEventsTests
{
    private const string Queue = "arn:aws:sqs:us-east-1:000000000000:orders";

    [Fact]
    public void A_function_response_type_serverless_does_not_know_is_passed_on_as_given() =>
        MappingEvents.ToServerlessEvent(new EventSourceMappingSpec(Queue, "probe") { FunctionResponseTypes = ["ReportEverything"] })
            ["sqs"]!["functionResponseType"]!.GetValue<string>().ShouldBe("ReportEverything");

    [Fact]
    public void A_filter_pattern_that_is_not_json_is_passed_on_as_its_text() =>
        MappingEvents.ToServerlessEvent(new EventSourceMappingSpec(Queue, "probe") { FilterPatterns = ["{\"body\": "] })
            ["sqs"]!["filterPatterns"]![0]!.GetValue<string>().ShouldBe("{\"body\": ");

    [Fact]
    public void A_kinesis_mapping_is_a_stream_event_of_type_kinesis_with_its_settings() =>
        MappingEvents.ToServerlessEvent(new EventSourceMappingSpec("arn:aws:kinesis:us-east-1:000000000000:stream/s", "probe") { BatchSize = 7, StartingPosition = "LATEST" })
            .ToJsonString().ShouldBe("{\"stream\":{\"arn\":\"arn:aws:kinesis:us-east-1:000000000000:stream/s\",\"enabled\":true,\"type\":\"kinesis\",\"batchSize\":7,\"startingPosition\":\"LATEST\"}}");

    [Fact]
    public void The_batching_window_is_maximumBatchingWindow_for_a_queue_and_batchWindow_for_a_stream()
    {
        var queue = MappingEvents.ToServerlessEvent(new EventSourceMappingSpec(Queue, "probe") { MaximumBatchingWindowInSeconds = 5 });
        var stream = MappingEvents.ToServerlessEvent(new EventSourceMappingSpec("arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x", "probe") { MaximumBatchingWindowInSeconds = 5 });

        queue["sqs"]!["maximumBatchingWindow"]!.GetValue<int>().ShouldBe(5);
        stream["stream"]!["batchWindow"]!.GetValue<int>().ShouldBe(5);
        stream["stream"]!.AsObject().ContainsKey("maximumBatchingWindow").ShouldBeFalse();
    }

    [Fact]
    public void A_starting_timestamp_is_passed_on_in_epoch_seconds_as_serverless_takes_it() =>
        MappingEvents.ToServerlessEvent(new EventSourceMappingSpec("arn:aws:kinesis:us-east-1:000000000000:stream/s", "probe")
            { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = DateTimeOffset.FromUnixTimeSeconds(1700000000) })
            ["stream"]!["startingPositionTimestamp"]!.GetValue<long>().ShouldBe(1700000000);
}
