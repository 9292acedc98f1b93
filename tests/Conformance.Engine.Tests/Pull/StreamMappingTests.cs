using System.Text.Json.Nodes;
using Conformance.Core.Functions;

namespace Conformance.Engine.Tests.Pull;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html, https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html, https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html, recorded on AWS: localstack/localstack tests/aws/services/lambda_/test_lambda_destinations.snapshot.json at 8b9a79f0 (test_retries recorded 2025-11-25, test_maxeventage recorded 2025-11-27): Kinesis and DynamoDB Streams mappings.</summary>
public sealed class StreamMappingTests
{
    private string? mapping;

    private (EngineFixture Fixture, string Arn) Kinesis(FunctionBehaviour behaviour, int shards = 1, Func<EventSourceMappingSpec, EventSourceMappingSpec>? configure = null,
        EngineSettings? settings = null)
    {
        var fixture = new EngineFixture(settings: settings).WithFunction(behaviour);
        var (_, arn) = fixture.Engine.Pull.CreateStream("readings", shards);
        var spec = new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON" };
        var (result, uuid) = fixture.Engine.Pull.CreateEventSourceMapping(configure?.Invoke(spec) ?? spec);
        result.Succeeded.ShouldBeTrue(result.ToString());
        mapping = uuid;
        return (fixture, arn!);
    }

    private static List<string> Put(EngineFixture fixture, int count, string key = "pk") =>
        Enumerable.Range(1, count).Select(i => fixture.Engine.Pull.PutRecord("readings", key, $"{{\"n\":{i}}}").SequenceNumber!).ToList();

    private static List<List<string>> Batches(EngineFixture fixture) =>
        fixture.Engine.Invocations("fn").Select(i => JsonNode.Parse(i.Event)!["Records"]!.AsArray()
            .Select(r => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(r!["kinesis"]!["data"]!.GetValue<string>()))).ToList()).ToList();

    [Fact]
    public void S9_records_arrive_in_order_in_one_batch_polled_once_per_second_with_the_kinesis_shape()
    {
        var (fixture, arn) = Kinesis(new FunctionBehaviour());

        var sequences = Put(fixture, 3);
        fixture.Pass(TimeSpan.FromSeconds(1));

        Batches(fixture).ShouldBe([["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"]]);
        fixture.InvocationTimes().ShouldBe([1]);
        var record = JsonNode.Parse(fixture.Engine.Invocations("fn")[0].Event)!["Records"]![0]!;
        record["eventSource"]!.GetValue<string>().ShouldBe("aws:kinesis");
        record["eventSourceARN"]!.GetValue<string>().ShouldBe(arn);
        record["eventID"]!.GetValue<string>().ShouldBe($"shardId-000000000000:{sequences[0]}");
        sequences.Select(System.Numerics.BigInteger.Parse).ShouldBeInOrder();
    }

    [Fact]
    public void S9_a_failing_batch_blocks_its_shard_and_is_retried_until_it_succeeds()
    {
        var (fixture, _) = Kinesis(FunctionBehaviour.Returning("null") with { FailingInvocations = 3 });

        Put(fixture, 2);
        fixture.Pass(TimeSpan.FromSeconds(10));

        Batches(fixture).ShouldBe([["{\"n\":1}", "{\"n\":2}"], ["{\"n\":1}", "{\"n\":2}"], ["{\"n\":1}", "{\"n\":2}"], ["{\"n\":1}", "{\"n\":2}"]]);
    }

    [Fact]
    public void S9_maximum_retry_attempts_discards_the_batch_to_the_on_failure_destination()
    {
        const string destination = "arn:aws:sqs:us-east-1:123456789012:stream-failures";
        var (fixture, arn) = Kinesis(FunctionBehaviour.AlwaysFailing("Error", "boom"),
            configure: m => m with { MaximumRetryAttempts = 2, OnFailureDestination = destination });

        var sequences = Put(fixture, 2);
        fixture.Pass(TimeSpan.FromSeconds(10));
        Put(fixture, 1);
        fixture.Pass(TimeSpan.FromSeconds(10));

        fixture.Engine.Invocations("fn").Count.ShouldBe(6); // 1 + 2 retries for each batch
        var records = fixture.Engine.DestinationRecords(destination);
        records.Count.ShouldBe(2);
        var info = JsonNode.Parse(records[0].Body)!;
        info["requestContext"]!["condition"]!.GetValue<string>().ShouldBe("RetryAttemptsExhausted");
        info["requestContext"]!["approximateInvokeCount"]!.GetValue<int>().ShouldBe(3);
        info["KinesisBatchInfo"]!["startSequenceNumber"]!.GetValue<string>().ShouldBe(sequences[0]);
        info["KinesisBatchInfo"]!["endSequenceNumber"]!.GetValue<string>().ShouldBe(sequences[1]);
        info["KinesisBatchInfo"]!["batchSize"]!.GetValue<int>().ShouldBe(2);
        info["KinesisBatchInfo"]!["streamArn"]!.GetValue<string>().ShouldBe(arn);
        info.AsObject().ContainsKey("payload").ShouldBeFalse(); // only an S3 destination gets the event
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void S9_an_on_failure_record_for_an_s3_bucket_carries_the_discarded_event(bool asString)
    {
        const string bucket = "arn:aws:s3:::stream-failures";
        var (fixture, _) = Kinesis(FunctionBehaviour.AlwaysFailing("Error", "boom"), configure: m => m with { MaximumRetryAttempts = 0, OnFailureDestination = bucket },
            settings: new EngineSettings { StreamFailurePayloadAsString = asString });

        Put(fixture, 2);
        fixture.Pass(TimeSpan.FromSeconds(5));

        var payload = JsonNode.Parse(fixture.Engine.DestinationRecords(bucket).ShouldHaveSingleItem().Body)!["payload"].ShouldNotBeNull();
        var carried = asString ? JsonNode.Parse(payload.GetValue<string>())! : payload.ShouldBeOfType<JsonObject>();
        carried.ToJsonString().ShouldBe(fixture.Engine.Invocations("fn")[0].Event);
    }

    [Fact]
    public void S9_bisecting_halves_a_failing_batch_without_using_retries()
    {
        var (fixture, _) = Kinesis(FunctionBehaviour.AlwaysFailing("Error", "boom"), configure: m => m with { MaximumRetryAttempts = 0, BisectBatchOnFunctionError = true });

        Put(fixture, 4);
        fixture.Pass(TimeSpan.FromSeconds(10));

        Batches(fixture).Select(b => b.Count).Take(3).ShouldBe([4, 2, 1]);
    }

    [Fact]
    public void S9_a_partial_batch_response_checkpoints_at_the_lowest_failed_sequence_number()
    {
        var (fixture, _) = Kinesis(new FunctionBehaviour(), configure: m => m with { FunctionResponseTypes = ["ReportBatchItemFailures"], Enabled = false });
        var sequences = Put(fixture, 4);
        fixture.Engine.UpdateFunction(new FunctionSpec("fn", FunctionBehaviour.Returning(
            $"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{sequences[3]}\"}},{{\"itemIdentifier\":\"{sequences[2]}\"}}]}}")));
        fixture.Engine.Pull.SetEnabled(mapping!, true);
        fixture.Pass(TimeSpan.FromSeconds(1));
        fixture.Engine.UpdateFunction(new FunctionSpec("fn", new FunctionBehaviour()));
        fixture.Pass(TimeSpan.FromSeconds(1));

        Batches(fixture).ShouldBe([["{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}"], ["{\"n\":3}", "{\"n\":4}"]]);
    }

    [Fact]
    public void S9_one_shard_failing_does_not_delay_another()
    {
        var fixture = new EngineFixture().WithFunction(FunctionBehaviour.Returning("null") with { FailingInvocations = 1 });
        var (_, arn) = fixture.Engine.Pull.CreateStream("readings", 2);
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON" });
        foreach (var key in Enumerable.Range(0, 50).Select(i => $"key-{i}")) fixture.Engine.Pull.PutRecord("readings", key, "{}");

        fixture.Pass(TimeSpan.FromSeconds(2));

        var byShard = fixture.Engine.Invocations("fn")
            .GroupBy(i => JsonNode.Parse(i.Event)!["Records"]![0]!["eventID"]!.GetValue<string>().Split(':')[0])
            .ToDictionary(g => g.Key, g => g.Select(i => (i.At - EngineFixture.Start).TotalSeconds).ToList());
        byShard.Count.ShouldBe(2);
        byShard.Values.OrderBy(v => v.Count).Select(v => string.Join(",", v)).ShouldBe(["1", "1,2"]); // the failing shard retries; the other went on at once
    }

    [Fact]
    public void S10_dynamodb_writes_become_insert_modify_and_remove_records_with_the_view_types_images()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateTable(new TableSpec("orders", "Id", "NEW_AND_OLD_IMAGES"));
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "TRIM_HORIZON" }).Result.Succeeded.ShouldBeTrue();

        fixture.Engine.Pull.PutItem("orders", "{\"Id\":1,\"status\":\"new\"}");
        fixture.Engine.Pull.PutItem("orders", "{\"Id\":1,\"status\":\"paid\"}");
        fixture.Engine.Pull.DeleteItem("orders", "1");
        fixture.Pass(TimeSpan.FromMilliseconds(250));

        var records = JsonNode.Parse(fixture.Engine.Invocations("fn").ShouldHaveSingleItem().Event)!["Records"]!.AsArray();
        records.Select(r => r!["eventName"]!.GetValue<string>()).ShouldBe(["INSERT", "MODIFY", "REMOVE"]);
        records[0]!["dynamodb"]!.AsObject().ContainsKey("OldImage").ShouldBeFalse();
        records[1]!["dynamodb"]!["OldImage"]!["status"]!["S"]!.GetValue<string>().ShouldBe("new");
        records[1]!["dynamodb"]!["NewImage"]!["status"]!["S"]!.GetValue<string>().ShouldBe("paid");
        records[2]!["dynamodb"]!.AsObject().ContainsKey("NewImage").ShouldBeFalse();
        records[0]!["dynamodb"]!["Keys"]!["Id"]!["N"]!.GetValue<string>().ShouldBe("1");
        fixture.InvocationTimes().ShouldBe([0.25]);
    }

    [Theory]
    [InlineData("AT_TIMESTAMP", "InvalidParameterValueException", "Unsupported starting position for arn type: arn:aws:dynamodb:")]
    [InlineData(null, "InvalidParameterValueException", "Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.")]
    [InlineData("SOMEWHERE", "ValidationException", "Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]")]
    public void S10_invalid_starting_positions_are_rejected_as_recorded(string? position, string errorType, string message)
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateTable(new TableSpec("orders"));
        var result = fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = position, StartingPositionTimestamp = DateTimeOffset.UnixEpoch }).Result;
        result.ErrorType.ShouldBe(errorType);
        result.Message.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void S11_stream_records_the_filters_reject_are_skipped()
    {
        var (fixture, _) = Kinesis(new FunctionBehaviour(), configure: m => m with { FilterPatterns = ["{\"data\":{\"n\":[{\"numeric\":[\">\",1]}]}}"] });

        Put(fixture, 3);
        fixture.Pass(TimeSpan.FromSeconds(1));

        Batches(fixture).ShouldBe([["{\"n\":2}", "{\"n\":3}"]]);
    }

    [Fact]
    public void S9_latest_skips_records_written_before_the_mapping()
    {
        var fixture = new EngineFixture().WithFunction(new FunctionBehaviour());
        var (_, arn) = fixture.Engine.Pull.CreateStream("readings", 1);
        fixture.Engine.Pull.PutRecord("readings", "pk", "{\"n\":0}");
        fixture.Engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { StartingPosition = "LATEST" });

        Put(fixture, 1);
        fixture.Pass(TimeSpan.FromSeconds(1));

        Batches(fixture).ShouldBe([["{\"n\":1}"]]);
    }
}
