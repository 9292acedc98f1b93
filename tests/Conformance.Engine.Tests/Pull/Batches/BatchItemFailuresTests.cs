using Conformance.Engine.Pull.Batches;

namespace Conformance.Engine.Tests.Pull.Batches;

/// <summary>One reader of partial batch responses for SQS and streams, as AWS documents them.</summary>
public sealed class BatchItemFailuresTests
{
    private static readonly HashSet<string> Batch = ["a", "b", "c"];

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"batchItemFailures\":[]}")]
    [InlineData("{\"batchItemFailures\":null}")]
    public void A_response_that_reports_nothing_is_a_success(string payload) =>
        BatchItemFailures.Read(payload, Batch, new EngineSettings()).ShouldBeEmpty();

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"batchItemFailures\":{}}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")]
    [InlineData("{\"batchItemFailures\":[{\"id\":\"a\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"z\"}]}")]
    public void A_response_that_cannot_be_read_fails_the_whole_batch(string payload) =>
        BatchItemFailures.Read(payload, Batch, new EngineSettings()).ShouldBeNull();

    [Fact]
    public void The_reported_items_are_the_failed_ones() =>
        BatchItemFailures.Read("{\"batchItemFailures\":[{\"itemIdentifier\":\"c\"},{\"itemIdentifier\":\"b\"}]}", Batch, new EngineSettings()).ShouldBe(["c", "b"]);

    [Fact]
    public void The_empty_string_response_is_a_setting_because_aws_does_not_name_it()
    {
        BatchItemFailures.Read("\"\"", Batch, new EngineSettings()).ShouldBeEmpty();
        BatchItemFailures.Read("\"\"", Batch, new EngineSettings { EmptyStringResponseSucceeds = false }).ShouldBeNull();
    }
}
