using Conformance.Events.Normalisation;

namespace Conformance.Events.Tests.Normalisation;

public sealed class EventNormaliserTests
{
    [Fact]
    public void Replaces_ids_arns_and_times_with_placeholders_that_keep_identity()
    {
        var normaliser = new EventNormaliser();
        const string json = """
            {"requestId":"E4B46CBF-B738-4A1C-8880-A18CDF61200E","again":"e4b46cbf-b738-4a1c-8880-a18cdf61200e","other":"059f36b4-87a3-44ab-83d2-661975830a7d",
             "functionArn":"arn:aws:lambda:eu-west-1:123456789012:function:fn","bucket":"arn:aws:s3:::in-bucket",
             "timestamp":"2025-01-01T00:03:05.568Z","receiptHandle":"AQEBwJnK","SentTimestamp":"1735689600000","count":3}
            """;

        var result = normaliser.Normalise(json);

        result.ShouldBe("""{"requestId":"<uuid-1>","again":"<uuid-1>","other":"<uuid-2>","functionArn":"arn:aws:lambda:<region-1>:<account-1>:function:fn","bucket":"arn:aws:s3:::in-bucket","timestamp":"<time-1>","receiptHandle":"<receipt-handle-1>","SentTimestamp":"<time-2>","count":3}""");
    }

    [Fact]
    public void Two_targets_events_with_different_ids_normalise_to_the_same_text()
    {
        static string Event(string id, string account, string time) =>
            $$$"""{"Records":[{"messageId":"{{{id}}}","eventSourceARN":"arn:aws:sqs:us-east-1:{{{account}}}:q","attributes":{"SentTimestamp":"{{{time}}}"}}]}""";

        new EventNormaliser().Normalise(Event("11111111-1111-4111-8111-111111111111", "111111111111", "1"))
            .ShouldBe(new EventNormaliser().Normalise(Event("22222222-2222-4222-8222-222222222222", "000000000000", "2")));
    }
}
