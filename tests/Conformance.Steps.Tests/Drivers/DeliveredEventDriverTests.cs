using System.Text.Json.Nodes;
using Conformance.Steps.Drivers;
using Conformance.Tests.Shared;

namespace Conformance.Steps.Tests.Drivers;

/// <summary>What a target delivers is compared with AWS's shapes: a fixture passes, each kind of divergence an emulator has is named.</summary>
public sealed class DeliveredEventDriverTests
{
    private static JsonNode Fixture(string path) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "fixtures", "events", path)))!;

    private static IReadOnlyList<string> Problems(JsonNode json) =>
        [.. DeliveredEventDriver.ShapeProblems([json]).Concat(DeliveredEventDriver.FormProblems([json])).Select(p => $"{p.Path}: {p.Message}")];

    [Theory]
    [InlineData("sqs/sqs-standard-event.json")]
    [InlineData("sqs/sqs-fifo-event.json")]
    [InlineData("kinesis/kinesis-event.json")]
    [InlineData("dynamodb/dynamodb-insert-event.json")]
    [InlineData("eventbridge/eventbridge-scheduled-event.json")]
    public void An_event_as_AWS_sends_it_has_no_problem(string fixture) => Problems(Fixture(fixture)).ShouldBeEmpty();

    [Fact]
    public void A_Kinesis_source_ARN_without_stream_and_a_missing_Region_are_named()
    {
        var json = Fixture("kinesis/kinesis-event.json");
        var record = json["Records"]![0]!.AsObject();
        record["eventSourceARN"] = "arn:aws:kinesis:us-east-1:000000000000:readings";
        record.Remove("awsRegion");

        var problems = Problems(json);

        problems.ShouldContain(p => p.StartsWith("$.Records[0].awsRegion: missing"));
        problems.ShouldContain(p => p.Contains("\"readings\" is not a kinesis resource as AWS names it"));
    }

    [Fact]
    public void A_DynamoDB_record_with_an_undefined_account_a_made_up_Region_and_an_ISO_creation_time_is_named()
    {
        var json = Fixture("dynamodb/dynamodb-insert-event.json");
        var record = json["Records"]![0]!.AsObject();
        record["eventSourceARN"] = "arn:aws:dynamodb:ddblocal:undefined:table/orders/stream/2025-01-01T00:00:00.000";
        record["awsRegion"] = "ddblocal";
        record["dynamodb"]!["ApproximateCreationDateTime"] = "2025-01-01T00:00:00.000Z";

        var problems = Problems(json);

        problems.ShouldContain(p => p.Contains("dynamodb.ApproximateCreationDateTime: expected a number, found a string"));
        problems.ShouldContain(p => p.StartsWith("$.Records[0].awsRegion: \"ddblocal\" is not a Region"));
        problems.ShouldContain(p => p.Contains("\"ddblocal\" is not a Region"));
    }

    [Fact]
    public void Each_record_names_the_source_the_target_created_with_its_Region()
    {
        var json = Fixture("sqs/sqs-standard-event.json");
        var created = json["Records"]![0]!["eventSourceARN"]!.GetValue<string>();
        json["Records"]![0]!.AsObject().Remove("awsRegion");

        var problems = DeliveredEventDriver.SourceProblems([json], created).ToList();
        var elsewhere = DeliveredEventDriver.SourceProblems([Fixture("sqs/sqs-standard-event.json")], created.Replace(":orders", ":other")).ToList();

        problems.ShouldHaveSingleItem().Path.ShouldBe("$.Records[0].awsRegion");
        elsewhere.ShouldContain(p => p.Path == "$.Records[0].eventSourceARN" && p.Message.EndsWith("not the source's " + created.Replace(":orders", ":other")));
    }

    [Fact]
    public void The_same_difference_in_several_events_is_one_line_whatever_the_count_or_the_values()
    {
        DeliveredEventDriver.Problem[] once = [new("$.account", "\"5620d1e7\" is not an account id")];
        DeliveredEventDriver.Problem[] twice = [.. once, new("$.account", "\"fb133093\" is not an account id"),
            new("$.Records[1].awsRegion", "missing"), new("$.Records[0].awsRegion", "missing")];

        var one = Should.Throw<ExpectationFailedException>(() => DeliveredEventDriver.Report("differ", "same", once));
        var two = Should.Throw<ExpectationFailedException>(() => DeliveredEventDriver.Report("differ", "same", twice));

        one.Observed.ShouldBe("$.account: \"5620d1e7\" is not an account id");
        two.Observed.ShouldBe("$.account: \"5620d1e7\" is not an account id; $.Records[*].awsRegion: missing");
    }

    [Fact]
    public void Something_that_is_no_kind_of_AWS_event_is_named_as_such() =>
        Problems(JsonNode.Parse("{\"hello\": 1}")!).ShouldHaveSingleItem().ShouldContain("not recognisable as any kind of event AWS sends");
}
