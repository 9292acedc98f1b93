using Conformance.Steps.Drivers;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>Header values compare as HTTP defines them, not byte for byte.</summary>
public sealed class HeaderValuesTests
{
    [Theory]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("application/json", "Application/JSON")]
    [InlineData("text/plain; charset=utf-8", "text/plain;charset=UTF-8")]
    public void Media_types_that_HTTP_holds_equal_are_equal(string expected, string actual) =>
        HeaderValues.Equivalent("Content-Type", expected, actual).ShouldBeTrue();

    [Theory]
    [InlineData("application/json", "text/plain")]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=iso-8859-1")]
    [InlineData("text/plain", "text/plain; charset=utf-8")]
    public void Another_media_type_or_parameter_differs(string expected, string actual) =>
        HeaderValues.Equivalent("content-type", expected, actual).ShouldBeFalse();

    [Fact]
    public void Other_headers_compare_as_their_text() =>
        (HeaderValues.Equivalent("Set-Cookie", "session=1", " session=1 "), HeaderValues.Equivalent("Set-Cookie", "session=1", "Session=1"))
            .ShouldBe((true, false));
}
