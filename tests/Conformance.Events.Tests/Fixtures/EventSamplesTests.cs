using System.Text.Json.Nodes;
using Conformance.Events.Fixtures;
using Conformance.Events.Validation;

namespace Conformance.Events.Tests.Fixtures;

/// <summary>Sample events by source, for teams' handler tests: valid, with every recorded field, and the same for the same seed.</summary>
public sealed class EventSamplesTests
{
    public static TheoryData<string> Sources => new(EventSamples.Sources.Keys);

    [Theory, MemberData(nameof(Sources))]
    public void A_sample_is_a_valid_event_with_every_field_AWS_sends(string source)
    {
        var json = JsonNode.Parse(EventSamples.Generate(source, 2, seed: 7));

        var kind = EventKinds.Detect(json);
        kind.ShouldNotBeNull();
        ShapeValidator.Validate(json, EventKinds.ByName[kind]).ShouldBeEmpty();
        RecordedShapes.Compare(json).ShouldBeEmpty();
        RecordedShapes.For(json).ShouldNotBeEmpty();
        EventSamples.Generate(source, 2, seed: 7).ShouldBe(json!.ToJsonString(EventJson.Indented));
    }

    [Fact]
    public void A_body_becomes_each_record_s_body_with_its_digest_or_its_data()
    {
        var sqs = JsonNode.Parse(EventSamples.Generate("sqs", 2, 1, "hello"))!["Records"]!.AsArray();
        var kinesis = JsonNode.Parse(EventSamples.Generate("kinesis", 1, 1, "hello"))!["Records"]![0]!;

        sqs.Select(r => r!["body"]!.ToString()).ShouldBe(["hello", "hello"]);
        sqs[0]!["md5OfBody"]!.ToString().ShouldBe("5d41402abc4b2a76b9719d911017c592");
        kinesis["kinesis"]!["data"]!.ToString().ShouldBe("aGVsbG8=");
        JsonNode.Parse(EventSamples.Generate("kinesis-on-failure-s3", 1, 1, "hello"))!["payload"]!["Records"]![0]!["kinesis"]!["data"]!.ToString().ShouldBe("aGVsbG8=");
    }

    [Fact]
    public void An_unknown_source_or_a_count_out_of_range_is_refused()
    {
        Should.Throw<ArgumentException>(() => EventSamples.Generate("sns", 1, 1)).Message.ShouldStartWith("unknown source 'sns'");
        Should.Throw<ArgumentException>(() => EventSamples.Generate("sqs", 10_001, 1)).Message.ShouldBe("a count must be 1 to 10000, not 10001");
    }
}
