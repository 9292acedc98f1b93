using System.Text.Json.Nodes;
using Conformance.Core.Functions;

namespace Conformance.Engine.Tests.Pull;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html: tumbling windows carry state between invocations.</summary>
public sealed class TumblingWindowTests
{
    private static EngineFixture Windowed(string response)
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning(response));
        var (_, arn) = fixture.Engine.Pull.CreateStream("s", 1);
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON", TumblingWindowInSeconds = 60 })
            .Result.Succeeded.ShouldBeTrue();
        return fixture;
    }

    [Fact]
    public void S9_each_invocation_gets_the_previous_state_and_the_window_ends_with_a_final_invocation()
    {
        var fixture = Windowed("{\"state\":{\"seen\":\"yes\"}}");
        fixture.Engine.Pull.PutRecord("s", "pk", "{\"n\":1}");
        fixture.Engine.Pull.PutRecord("s", "pk", "{\"n\":2}");
        fixture.Pass(TimeSpan.FromSeconds(10));
        fixture.Engine.Pull.PutRecord("s", "pk", "{\"n\":3}");
        fixture.Pass(TimeSpan.FromMinutes(2));

        var events = fixture.Engine.Invocations("fn").Select(i => JsonNode.Parse(i.Event)!).ToList();
        events.Select(e => e["Records"]!.AsArray().Count).ShouldBe([2, 1, 0]);
        events.Select(e => e["isFinalInvokeForWindow"]!.GetValue<bool>()).ShouldBe([false, false, true]);
        events[0]["state"]!.ToJsonString().ShouldBe("{}");
        events[1]["state"]!.ToJsonString().ShouldBe("{\"seen\":\"yes\"}");
        events[2]["window"]!["start"]!.GetValue<string>().ShouldBe("2025-01-01T00:00:00Z");
        events[2]["window"]!["end"]!.GetValue<string>().ShouldBe("2025-01-01T00:01:00Z");
        fixture.InvocationTimes().ShouldBe([1, 11, 60]);
    }

    [Fact]
    public void S9_a_response_without_state_counts_as_failed()
    {
        var fixture = Windowed("{\"count\":1}");
        fixture.Engine.Pull.PutRecord("s", "pk", "{\"n\":1}");
        fixture.Pass(TimeSpan.FromSeconds(3));

        fixture.Engine.Invocations("fn").Select(i => JsonNode.Parse(i.Event)!["Records"]!.AsArray().Count).ShouldBe([1, 1, 1]);
    }
}
