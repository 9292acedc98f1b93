using Conformance.Tests.Shared.AwsModels;

namespace Conformance.Targets.Tests.Stubs;

/// <summary>
/// The check every stubbed AWS call goes through (<see cref="StubTraffic"/>) against AWS's models: it
/// finds the operation as AWS does and names each departure, so a misspelt member, a wrong type, a missing
/// required member or an answer AWS would not give fails the test that sent or fed it.
/// </summary>
public sealed class AwsModelCheckTests
{
    private static readonly AwsModelCheck Check = new(AwsApiModels.Default);

    private static Dictionary<string, string> Signed(string service, params (string Name, string Value)[] more)
    {
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/eu-west-1/{service}/aws4_request, SignedHeaders=host, Signature=0",
        };
        foreach (var (name, value) in more) headers[name] = value;
        return headers;
    }

    private static RecordedCall Rest(string method, string path, string? body, int status = 200, string? answer = null, string query = "") =>
        new(method, path, query, Signed("lambda"), body, status, new Dictionary<string, string>(), answer);

    private static RecordedCall Json(string target, string body, string answer = "{}", string contentType = "application/x-amz-json-1.1") =>
        new("POST", "/", "", Signed("kinesis", ("X-Amz-Target", target), ("Content-Type", contentType)), body, 200, new Dictionary<string, string>(), answer);

    private const string Mapping = """{"FunctionName":"f","EventSourceArn":"arn:aws:sqs:eu-west-1:1:q","BatchSize":10}""";

    private const string MappingAnswer = """{"UUID":"u1","State":"Creating","BatchSize":10}""";

    [Fact]
    public void A_request_as_the_model_has_it_passes_and_names_its_operation()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/", Mapping, 202, MappingAnswer));

        verdict.Problems.ShouldBeEmpty();
        verdict.Operation!.Name.ShouldBe("CreateEventSourceMapping");
    }

    [Fact]
    public void A_misspelt_member_fails_naming_it_and_the_members_there_are()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/", Mapping.Replace("BatchSize", "BatchSizes"), 202, MappingAnswer));

        verdict.Problems.ShouldHaveSingleItem().ShouldContain("CreateEventSourceMapping request.BatchSizes: not a member of the model");
    }

    [Fact]
    public void A_member_of_the_wrong_JSON_type_fails()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/", Mapping.Replace("10", "\"10\""), 202, MappingAnswer));

        verdict.Problems.ShouldHaveSingleItem().ShouldContain("BatchSize: string \"10\", the model wants a integer");
    }

    [Fact]
    public void A_missing_required_member_fails()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/", """{"BatchSize":10}""", 202, MappingAnswer));

        verdict.Problems.ShouldHaveSingleItem().ShouldContain("FunctionName: required by the model, missing");
    }

    [Fact]
    public void A_timestamp_goes_as_epoch_seconds_not_as_text()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/",
            """{"FunctionName":"f","StartingPosition":"AT_TIMESTAMP","StartingPositionTimestamp":"2026-12-07T00:00:00Z"}""", 202, MappingAnswer));

        verdict.Problems.ShouldHaveSingleItem().ShouldContain("the model wants a timestamp (epoch seconds)");
    }

    [Fact]
    public void A_query_parameter_the_operation_does_not_take_fails()
    {
        var verdict = Check.Check(Rest("GET", "/2015-03-31/functions/f", null, answer: "{}", query: "Qualifer=1"));

        verdict.Problems.ShouldHaveSingleItem().ShouldContain("query parameter Qualifer is not one the model names (Qualifier)");
    }

    [Fact]
    public void An_answer_with_the_wrong_status_or_a_member_AWS_does_not_send_fails()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/event-source-mappings/", Mapping, 200, """{"UUID":"u1","Uuid":"u1"}"""));

        verdict.Problems.ShouldContain(p => p.Contains("status 200, AWS answers this operation 202"));
        verdict.Problems.ShouldContain(p => p.Contains("CreateEventSourceMapping answer.Uuid: not a member of the model"));
    }

    [Fact]
    public void Invoke_answers_with_its_status_as_a_member_so_202_for_an_event_is_AWS_s()
    {
        var verdict = Check.Check(Rest("POST", "/2015-03-31/functions/f/invocations", "{}", 202, ""));

        verdict.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_JSON_protocol_call_is_found_by_its_target_and_must_carry_the_model_s_content_type()
    {
        Check.Check(Json("Kinesis_20131202.PutRecord", """{"StreamName":"s","Data":"AA==","PartitionKey":"k"}""", """{"ShardId":"shardId-000000000000","SequenceNumber":"1"}"""))
            .Problems.ShouldBeEmpty();
        Check.Check(Json("Kinesis_20131202.PutRecord", """{"StreamName":"s","Data":"AA==","PartitionKey":"k"}""", """{"ShardId":"shardId-000000000000","SequenceNumber":"1"}""", "application/json"))
            .Problems.ShouldHaveSingleItem().ShouldContain("the model's protocol wants application/x-amz-json-1.1");
        Check.Check(Json("Kinesis_20131202.PutRecords2", "{}")).Problems.ShouldHaveSingleItem().ShouldContain("has no operation PutRecords2");
    }

    [Fact]
    public void A_query_protocol_form_is_checked_member_by_member()
    {
        var headers = Signed("sns");
        RecordedCall Sns(string form) => new("POST", "/", "", headers, form, 200, new Dictionary<string, string>(),
            """<CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CreateTopicResult><TopicArn>arn:aws:sns:eu-west-1:1:t</TopicArn></CreateTopicResult></CreateTopicResponse>""");

        Check.Check(Sns("Action=CreateTopic&Version=2010-03-31&Name=t&Tags.member.1.Key=k&Tags.member.1.Value=v")).Problems.ShouldBeEmpty();
        Check.Check(Sns("Action=CreateTopic&Version=2010-03-31&Name=t&Tags.1.Key=k&Tags.1.Value=v")).Problems.ShouldContain(p => p.Contains("the model wants Tags.member.N"));
        Check.Check(Sns("Action=CreateTopic&Version=2010-03-31&Topic=t")).Problems.ShouldContain(p => p.Contains("Topic: not a member of the model"));
    }

    [Fact]
    public void A_call_that_is_no_AWS_API_call_is_left_alone()
    {
        var invokeUrl = new RecordedCall("GET", "/prod/orders", "", Signed("execute-api"), null, 200, new Dictionary<string, string>(), "anything");

        Check.Check(invokeUrl).ShouldBe(new CallVerdict(null, []));
    }
}
