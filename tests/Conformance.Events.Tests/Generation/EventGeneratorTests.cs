using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.Events.Generation;
using Conformance.Events.Sqs;

namespace Conformance.Events.Tests.Generation;

public sealed class EventGeneratorTests
{
    private readonly EventGenerator generator = new(seed: 42);

    [Fact]
    public void S3_events_carry_today_s_unified_version_and_the_earlier_era_s_version_by_event_type()
    {
        generator.S3.ObjectCreated().Records[0].EventVersion.ShouldBe("2.5");
        generator.S3.ObjectMetadataChanged("ObjectAcl:Put").Records[0].EventVersion.ShouldBe("2.5");

        var earlier = new EventGenerator(42, new EventEras { S3Versioning = Conformance.Events.S3.S3EventVersionScheme.PerEventType });
        earlier.S3.ObjectCreated().Records[0].EventVersion.ShouldBe("2.1");
        earlier.S3.ObjectMetadataChanged("ObjectTagging:Put").Records[0].EventVersion.ShouldBe("2.3");
        earlier.S3.ObjectRestore().Records[0].EventVersion.ShouldBe("2.1");
    }

    [Fact]
    public void Sqs_md5_of_body_is_the_md5_of_the_body_and_arns_carry_the_region_and_account()
    {
        var batch = generator.SqsBatch(5);

        foreach (var message in batch.Records)
        {
            message.Md5OfBody.ShouldBe(AwsIdentity.Md5Hex(message.Body));
            message.EventSourceArn.ShouldStartWith($"arn:aws:sqs:{generator.Ids.Region}:{generator.Ids.AccountId}:");
            message.AwsRegion.ShouldBe(generator.Ids.Region);
            Guid.TryParse(message.MessageId, out _).ShouldBeTrue();
            message.Attributes.MessageGroupId.ShouldBeNull();
        }
        generator.Ids.AccountId.ShouldMatch(@"^\d{12}$");
    }

    [Fact]
    public void Fifo_messages_carry_a_group_a_deduplication_id_and_increasing_sequence_numbers()
    {
        var records = generator.SqsBatch(4, fifo: true).Records;

        records.ShouldAllBe(r => r.Attributes.MessageGroupId != null && r.Attributes.MessageDeduplicationId != null);
        records[0].EventSourceArn.ShouldEndWith(".fifo");
        var sequences = records.Select(r => BigInteger.Parse(r.Attributes.SequenceNumber!)).ToList();
        sequences.ShouldBe(sequences.Order().ToList());
        sequences.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void The_message_attribute_digest_depends_on_every_attribute_but_not_on_their_order()
    {
        SqsMessageAttribute Text(string value) => new(value, null, [], [], "String");
        var one = SqsMessageAttributeDigest.Compute(new Dictionary<string, SqsMessageAttribute> { ["a"] = Text("1"), ["b"] = Text("2") });
        var reordered = SqsMessageAttributeDigest.Compute(new Dictionary<string, SqsMessageAttribute> { ["b"] = Text("2"), ["a"] = Text("1") });
        var changed = SqsMessageAttributeDigest.Compute(new Dictionary<string, SqsMessageAttribute> { ["a"] = Text("1"), ["b"] = Text("3") });

        one.ShouldBe(reordered);
        one.ShouldNotBe(changed);
        one.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        SqsMessageAttributeDigest.Compute(new Dictionary<string, SqsMessageAttribute>()).ShouldBeNull();
    }

    [Fact]
    public void Kinesis_sequence_numbers_increase_within_the_shard_and_data_is_base64_json()
    {
        var records = generator.KinesisBatch(6, shard: 3).Records;

        var sequences = records.Select(r => BigInteger.Parse(r.Kinesis.SequenceNumber)).ToList();
        sequences.ShouldBe(sequences.Order().ToList());
        records.ShouldAllBe(r => r.EventId == $"shardId-000000000003:{r.Kinesis.SequenceNumber}");
        JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(records[0].Kinesis.Data))).ShouldNotBeNull();
        records.Select(r => r.Kinesis.ApproximateArrivalTimestamp).ShouldBe(records.Select(r => r.Kinesis.ApproximateArrivalTimestamp).Order().ToList());
    }

    [Theory]
    [InlineData("INSERT", "NEW_AND_OLD_IMAGES", true, false)]
    [InlineData("MODIFY", "NEW_AND_OLD_IMAGES", true, true)]
    [InlineData("REMOVE", "NEW_AND_OLD_IMAGES", false, true)]
    [InlineData("MODIFY", "KEYS_ONLY", false, false)]
    [InlineData("MODIFY", "NEW_IMAGE", true, false)]
    [InlineData("MODIFY", "OLD_IMAGE", false, true)]
    public void DynamoDb_records_carry_the_images_their_event_and_view_type_allow(string eventName, string viewType, bool newImage, bool oldImage)
    {
        var change = generator.DynamoDbBatch(eventName, viewType).Records.Single().DynamoDb;

        (change.NewImage is not null).ShouldBe(newImage);
        (change.OldImage is not null).ShouldBe(oldImage);
        change.StreamViewType.ShouldBe(viewType);
        change.SizeBytes.ShouldBe(EventGenerator.SizeOf(change.Keys, change.NewImage, change.OldImage));
    }

    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("my file.txt", "my+file.txt")]
    [InlineData("a/b (1).pdf", "a/b+%281%29.pdf")]
    public void S3_keys_are_url_encoded_as_in_notifications(string key, string encoded)
    {
        S3Events.Key(key).ShouldBe(encoded);
        generator.S3.ObjectCreated(key: key).Records[0].S3.Object.Key.ShouldBe(encoded);
    }

    [Fact]
    public void Removal_events_have_no_size_or_etag()
    {
        var removed = generator.S3.ObjectRemoved().Records[0];
        removed.EventName.ShouldBe("ObjectRemoved:Delete");
        removed.S3.Object.Size.ShouldBeNull();
        removed.S3.Object.ETag.ShouldBeNull();
        EventJson.Serialize(removed).ShouldNotContain("eTag");
    }

    [Fact]
    public void A_stream_failure_record_describes_its_batch()
    {
        var batch = generator.KinesisBatch(3);
        var record = generator.Records.KinesisFailureRecord(batch, forS3: true);

        var info = record.KinesisBatchInfo.ShouldNotBeNull();
        info.BatchSize.ShouldBe(3);
        info.StartSequenceNumber.ShouldBe(batch.Records[0].Kinesis.SequenceNumber);
        info.EndSequenceNumber.ShouldBe(batch.Records[2].Kinesis.SequenceNumber);
        info.StreamArn.ShouldBe(batch.Records[0].EventSourceArn);
        record.Payload.ShouldNotBeNull().ToJsonString().ShouldBe(EventJson.Serialize(batch));
        generator.Records.KinesisFailureRecord(batch).Payload.ShouldBeNull();
    }

    [Fact]
    public void Unknown_fields_of_a_real_event_are_kept()
    {
        const string withExtra = """{"Records":[],"futureField":{"x":1}}""";

        var parsed = EventJson.Deserialize<S3.S3Event>(withExtra);

        EventJson.Serialize(parsed).ShouldBe(withExtra);
    }
}
