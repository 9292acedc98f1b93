using System.Text.Json.Nodes;
using Conformance.Targets.Http;
using Conformance.Targets.Tests.Stubs;

namespace Conformance.Targets.Tests.Http;

/// <summary>The adapter's Kinesis requests on the wire (JSON 1.1, <c>X-Amz-Target: Kinesis_20131202.*</c>), against a WireMock.Net stub answering as AWS's model has it.</summary>
public sealed class KinesisApiWireTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private KinesisApi Client() => new(aws.Signed("kinesis"));

    [Fact]
    public async Task A_stream_is_created_awaited_written_to_and_deleted()
    {
        aws.Json("Kinesis_20131202.CreateStream", "");
        aws.Json("Kinesis_20131202.DescribeStreamSummary", """
            {"StreamDescriptionSummary":{"StreamName":"s","StreamARN":"arn:aws:kinesis:eu-west-1:1:stream/s","StreamStatus":"ACTIVE",
             "RetentionPeriodHours":24,"StreamCreationTimestamp":1796601600,"EnhancedMonitoring":[],"OpenShardCount":2}}
            """);
        aws.Json("Kinesis_20131202.PutRecord", """{"ShardId":"shardId-000000000000","SequenceNumber":"495"}""");
        aws.Json("Kinesis_20131202.PutRecords", """{"FailedRecordCount":0,"Records":[{"ShardId":"shardId-000000000000","SequenceNumber":"496"}]}""");
        aws.Json("Kinesis_20131202.DeleteStream", "");
        var kinesis = Client();

        var (created, arn) = await kinesis.CreateStreamAsync("s", 2, default);
        var (_, sequence) = await kinesis.PutRecordAsync("s", "k", "hello", default);
        var written = await kinesis.PutRecordsAsync("s", [("k", "again")], default);
        var deleted = await kinesis.DeleteStreamAsync("s", default);

        (created.Succeeded, written.Succeeded, deleted.Succeeded).ShouldBe((true, true, true));
        arn.ShouldBe("arn:aws:kinesis:eu-west-1:1:stream/s");
        sequence.ShouldBe("495");
        JsonNode.Parse(aws.BodyOf("Kinesis_20131202.PutRecord"))!["Data"]!.ToString().ShouldBe(Convert.ToBase64String("hello"u8.ToArray()));
        JsonNode.Parse(aws.BodyOf("Kinesis_20131202.CreateStream"))!["ShardCount"]!.GetValue<int>().ShouldBe(2);
    }
}
