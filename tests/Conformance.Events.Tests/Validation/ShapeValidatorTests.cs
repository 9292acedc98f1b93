using System.Text.Json.Nodes;
using Conformance.Events.Validation;

namespace Conformance.Events.Tests.Validation;

public sealed class ShapeValidatorTests
{
    [Fact]
    public void Names_each_missing_or_wrong_field_by_its_json_path()
    {
        var json = JsonNode.Parse("""
            {"Records":[{"messageId":"m1","receiptHandle":"r","body":"{}",
              "attributes":{"ApproximateReceiveCount":1,"SentTimestamp":"1","SenderId":"s","ApproximateFirstReceiveTimestamp":"1"},
              "messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs","awsRegion":"us-east-1"}]}
            """);

        var problems = ShapeValidator.Validate(json, EventKinds.ByName["sqs"]).Select(p => p.ToString()).ToList();

        problems.ShouldBe([
            "$.Records[0].attributes.ApproximateReceiveCount: expected a string, found a number",
            "$.Records[0].eventSourceARN: missing (expected a string)",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Nulls_are_allowed_only_where_aws_sends_them()
    {
        var rest = JsonNode.Parse(File.ReadAllText(Path.Combine(Conformance.Tests.Shared.RepositoryPaths.Root, "fixtures", "events", "api-gateway", "api-gateway-rest-event.json")))!;
        ShapeValidator.Validate(rest, EventKinds.ByName["api-gateway-v1"]).ShouldBeEmpty(); // body and stageVariables are null

        rest["httpMethod"] = null;
        ShapeValidator.Validate(rest, EventKinds.ByName["api-gateway-v1"]).ShouldHaveSingleItem().ToString()
            .ShouldBe("$.httpMethod: must not be null (expected a string)");
    }

    [Theory]
    [InlineData("""{"Records":[{"eventSource":"aws:kinesis"}]}""", "kinesis")]
    [InlineData("""{"batchItemFailures":[]}""", "batch-response")]
    [InlineData("""{"errorType":"Error","errorMessage":"boom"}""", "invoke-error")]
    [InlineData("""{"version":"2.0","routeKey":"$default","rawPath":"/"}""", "http-api-v2")]
    [InlineData("""{"hello":"world"}""", null)]
    public void Recognises_the_kind_of_an_event(string json, string? kind) => EventKinds.Detect(JsonNode.Parse(json)).ShouldBe(kind);
}
