using Conformance.Events.Evidence;

namespace Conformance.Events.Tests.Evidence;

public sealed class InvocationTimelineTests
{
    [Fact]
    public void A_timeline_reads_back_as_it_was_written()
    {
        var timeline = new InvocationTimeline("probe", [new TimelineEntry(0, "r1", "FunctionError", "{\"a\":1}", "{\"errorType\":\"Error\"}"), new TimelineEntry(60.25, "r1", "Succeeded", "{\"a\":1}")]);

        var read = InvocationTimeline.Parse(timeline.ToJson()).ShouldNotBeNull();

        read.Function.ShouldBe("probe");
        read.Invocations.ShouldBe(timeline.Invocations);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"invocations\":[{\"seconds\":\"soon\"}]}")]
    public void A_body_that_is_not_a_timeline_is_none(string body) => InvocationTimeline.Parse(body).ShouldBeNull();
}
