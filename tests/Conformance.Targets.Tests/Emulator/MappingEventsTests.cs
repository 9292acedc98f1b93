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
}
