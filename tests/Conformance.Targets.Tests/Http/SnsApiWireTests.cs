using Conformance.Targets.Http;
using Conformance.Targets.Tests.Stubs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conformance.Targets.Tests.Http;

/// <summary>
/// SNS on the wire (query protocol), against WireMock.Net stubs built from the API reference
/// (https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html and its siblings): the form body,
/// the SigV4 signature for <c>sns</c>, and the XML answers and errors read back.
/// </summary>
public sealed class SnsApiWireTests : IDisposable
{
    private readonly AwsStub aws = new();

    public void Dispose() => aws.Dispose();

    private SnsApi Client() => new(aws.Signed("sns"));

    private void Answer(string action, int status, string xml) => aws.Query(action, xml, status);

    private string Form(string action) => aws.FormOf(action);

    [Fact]
    public async Task CreateTopic_posts_the_form_tagged_with_the_run_and_reads_the_topic_ARN()
    {
        Answer("CreateTopic", 200, """<CreateTopicResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><CreateTopicResult><TopicArn>arn:aws:sns:eu-west-1:111111111111:lc-run1-1-alerts</TopicArn></CreateTopicResult></CreateTopicResponse>""");

        var (result, arn) = await Client().CreateTopicAsync("lc-run1-1-alerts", "run1", default);

        result.Succeeded.ShouldBeTrue();
        arn.ShouldBe("arn:aws:sns:eu-west-1:111111111111:lc-run1-1-alerts");
        Form("CreateTopic").ShouldBe("Action=CreateTopic&Version=2010-03-31&Name=lc-run1-1-alerts&Tags.member.1.Key=conformance-run&Tags.member.1.Value=run1");
        var request = aws.Requests.Single().RequestMessage;
        request.Headers!["Content-Type"].Single().ShouldStartWith("application/x-www-form-urlencoded");
        request.Headers["Authorization"].Single().ShouldContain("/eu-west-1/sns/aws4_request");
    }

    [Fact]
    public async Task A_queue_is_subscribed_with_raw_message_delivery()
    {
        Answer("Subscribe", 200, """<SubscribeResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><SubscribeResult><SubscriptionArn>arn:aws:sns:eu-west-1:111111111111:t:1</SubscriptionArn></SubscribeResult></SubscribeResponse>""");

        var result = await Client().SubscribeQueueAsync("arn:aws:sns:eu-west-1:111111111111:t", "arn:aws:sqs:eu-west-1:111111111111:q", default);

        result.Succeeded.ShouldBeTrue();
        Form("Subscribe").ShouldBe("Action=Subscribe&Version=2010-03-31&TopicArn=arn:aws:sns:eu-west-1:111111111111:t&Protocol=sqs&Endpoint=arn:aws:sqs:eu-west-1:111111111111:q"
            + "&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true&ReturnSubscriptionArn=true");
    }

    [Fact]
    public async Task An_error_answer_gives_its_code_and_message()
    {
        Answer("CreateTopic", 400, """<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: Topic Name</Message></Error><RequestId>r</RequestId></ErrorResponse>""");

        var (result, arn) = await Client().CreateTopicAsync("bad name", "run1", default);

        arn.ShouldBeNull();
        result.StatusCode.ShouldBe(400);
        result.ErrorType.ShouldBe("InvalidParameter");
        result.Message.ShouldBe("Invalid parameter: Topic Name");
    }

    [Fact]
    public async Task ListTopics_follows_every_page_and_keeps_the_run_s_topics()
    {
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains("Action=ListTopics") == true && !b.Contains("NextToken")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:eu-west-1:1:lc-run1-1-a</TopicArn></member><member><TopicArn>arn:aws:sns:eu-west-1:1:other</TopicArn></member></Topics><NextToken>p2</NextToken></ListTopicsResult></ListTopicsResponse>"""));
        aws.Server.Given(Request.Create().WithPath("/").UsingPost().WithBody(b => b?.Contains("NextToken=p2") == true))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""<ListTopicsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ListTopicsResult><Topics><member><TopicArn>arn:aws:sns:eu-west-1:1:lc-run1-2-b</TopicArn></member></Topics></ListTopicsResult></ListTopicsResponse>"""));

        var (result, arns) = await Client().ListTopicArnsAsync("lc-run1-", default);

        result.Succeeded.ShouldBeTrue();
        arns.ShouldBe(["arn:aws:sns:eu-west-1:1:lc-run1-1-a", "arn:aws:sns:eu-west-1:1:lc-run1-2-b"]);
    }
}
