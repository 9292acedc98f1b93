using Conformance.Engine.Invocation;

namespace Conformance.Engine.Tests.Invocation;

/// <summary>A batch's event is rendered only when read, and the payload limit is still checked exactly.</summary>
public sealed class LazyPayloadTests
{
    [Fact]
    public void A_payload_is_rendered_once_and_only_when_read()
    {
        var renders = 0;
        var payload = new LazyPayload(() => { renders++; return "{\"Records\":[]}"; }, provableMaximumBytes: 100);
        payload.FitsIn(6_291_456).ShouldBeTrue();
        payload.IsRendered.ShouldBeFalse();
        payload.Text.ShouldBe("{\"Records\":[]}");
        _ = payload.Text;
        renders.ShouldBe(1);
    }

    [Fact]
    public void A_bound_over_the_limit_is_measured_exactly_not_refused()
    {
        var payload = new LazyPayload(() => "{\"a\":1}", provableMaximumBytes: 10_000);
        payload.FitsIn(100).ShouldBeTrue();
        payload.IsRendered.ShouldBeTrue();
    }

    [Fact]
    public void A_payload_over_the_limit_does_not_fit()
    {
        var payload = new LazyPayload(() => new string('x', 200));
        payload.FitsIn(100).ShouldBeFalse();
        payload.ByteCount.ShouldBe(200);
    }

    [Theory]
    [InlineData("{}", 2, true)]
    [InlineData("\"é\"", 3, false)]
    [InlineData("\"é\"", 4, true)]
    public void Text_is_measured_in_utf8_bytes(string text, int limit, bool fits) =>
        LazyPayload.Of(text).FitsIn(limit).ShouldBe(fits);
}
