using Conformance.Events.Lambda;

namespace Conformance.Events.Tests.Lambda;

public sealed class InvokeErrorDocumentTests
{
    [Fact]
    public void Serialises_with_the_field_names_the_Node_runtime_uses() =>
        new InvokeErrorDocument("Error", "boom", []).ToJson().ShouldBe("{\"errorType\":\"Error\",\"errorMessage\":\"boom\",\"trace\":[]}");

    [Fact]
    public void Keeps_fields_it_does_not_know_when_read_from_a_real_target()
    {
        const string fromPython = "{\"errorMessage\":\"boom\",\"errorType\":\"Exception\",\"requestId\":\"r1\",\"stackTrace\":[\"  File handler.py\"]}";

        var document = InvokeErrorDocument.Parse(fromPython).ShouldNotBeNull();

        document.ErrorType.ShouldBe("Exception");
        document.Extra.ShouldNotBeNull().ShouldContainKey("stackTrace");
        document.ToJson().ShouldContain("\"stackTrace\":[\"  File handler.py\"]");
        document.ToJson().ShouldContain("\"requestId\":\"r1\"");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Reading_something_that_is_not_an_error_document_gives_null(string json) =>
        InvokeErrorDocument.Parse(json).ShouldBeNull();

    [Theory]
    [InlineData("{}", true)]
    [InlineData("null", true)]
    [InlineData("\"text\"", true)]
    [InlineData("{broken", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("{} {}", false)]
    [InlineData("[1,]", false)]
    [InlineData("{\"a\":1} // note", false)]
    [InlineData(" [1, {\"b\": [true, null]}] ", true)]
    public void Tells_valid_json_from_invalid(string text, bool valid) => EventJson.IsValidJson(text).ShouldBe(valid);
}
