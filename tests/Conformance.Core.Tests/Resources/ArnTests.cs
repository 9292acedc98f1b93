using Conformance.Core.Resources;

namespace Conformance.Core.Tests.Resources;

/// <summary>ARNs as AWS writes them (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).</summary>
public sealed class ArnTests
{
    [Fact]
    public void Each_resource_kind_is_written_as_aws_writes_it()
    {
        Arn.Function("us-east-1", "123456789012", "f").ToString().ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:f");
        Arn.Function("us-east-1", "123456789012", "f", "live").ToString().ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:f:live");
        Arn.Queue("eu-west-1", "1", "q.fifo").ToString().ShouldBe("arn:aws:sqs:eu-west-1:1:q.fifo");
        Arn.KinesisStream("r", "1", "s").ToString().ShouldBe("arn:aws:kinesis:r:1:stream/s");
        Arn.TableStream("r", "1", "t", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero)).ToString()
            .ShouldBe("arn:aws:dynamodb:r:1:table/t/stream/2026-01-02T03:04:05.006");
        Arn.Bucket("b").ToString().ShouldBe("arn:aws:s3:::b");
        Arn.Role("1", "lambda-role").ToString().ShouldBe("arn:aws:iam::1:role/lambda-role");
        Arn.ExecuteApi("r", "1", "abc").ToString().ShouldBe("arn:aws:execute-api:r:1:abc/*");
        Arn.EventBus("r", "1", "bus").ToString().ShouldBe("arn:aws:events:r:1:event-bus/bus");
    }

    [Theory]
    [InlineData("arn:aws:sqs:r:1:orders", "sqs", "orders")]
    [InlineData("arn:aws:kinesis:r:1:stream/clicks", "kinesis", "clicks")]
    [InlineData("arn:aws:lambda:r:1:function:f", "lambda", "f")]
    [InlineData("arn:aws:lambda:r:1:function:f:live", "lambda", "f")]
    [InlineData("arn:aws:dynamodb:r:1:table/t/stream/2026-01-02T03:04:05.006", "dynamodb", "t")]
    public void A_parsed_arn_gives_its_service_and_resource_name(string text, string service, string name)
    {
        Arn.TryParse(text, out var arn).ShouldBeTrue();
        arn.Service.ShouldBe(service);
        arn.ResourceName.ShouldBe(name);
        arn.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("arn:aws:sqs")]
    [InlineData(null)]
    public void Text_that_is_not_an_arn_is_refused(string? text)
    {
        Arn.TryParse(text, out _).ShouldBeFalse();
        Arn.ServiceOf(text).ShouldBeNull();
    }

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders")]
    [InlineData("arn:aws:sqs:eu-west-1:123456789012:orders.fifo")]
    [InlineData("arn:aws:kinesis:ap-southeast-2:123456789012:stream/clicks")]
    [InlineData("arn:aws:dynamodb:us-gov-west-1:123456789012:table/t/stream/2026-01-02T03:04:05.006")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:live")]
    [InlineData("arn:aws:events:us-east-1:123456789012:rule/bus/every-minute")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::123456789012:role/probe")]
    public void An_arn_as_aws_writes_it_has_no_malformation(string text)
    {
        Arn.TryParse(text, out var arn).ShouldBeTrue();
        arn.Malformation().ShouldBeNull();
    }

    [Theory]
    [InlineData("arn:aws:kinesis:us-east-1:000000000000:readings", "\"readings\" is not a kinesis resource as AWS names it")]
    [InlineData("arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/x", "\"ddblocal\" is not a Region")]
    [InlineData("arn:aws:dynamodb:us-east-1:undefined:table/t/stream/x", "\"undefined\" is not an account id")]
    [InlineData("arn:aws:lambda:serverless:f", null)] // fewer than six parts: not an ARN at all
    [InlineData("arn:local:sqs:us-east-1:123456789012:q", "the partition \"local\" is not AWS's")]
    [InlineData("arn:aws:s3:us-east-1::bucket", "s3 ARNs have no Region")]
    public void What_keeps_an_arn_from_being_one_aws_writes_is_named(string text, string? problem)
    {
        if (!Arn.TryParse(text, out var arn))
        {
            problem.ShouldBeNull();
            return;
        }
        arn.Malformation().ShouldBe(problem);
    }
}
