using System.Text.Json.Nodes;
using Conformance.Events.Fixtures;

namespace Conformance.Events.Tests.Fixtures;

/// <summary>
/// The generated samples have the fields of the examples in AWS's documentation, field by field (the
/// examples are those of https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html, which cites the AWS pages; values differ, paths must not).
/// </summary>
public sealed class AwsDocumentationShapeTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "s3/s3-object-created-versioned-event.json", """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventTime":"2025-01-01T00:00:00.000Z","eventName":"ObjectCreated:Put",
              "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"192.0.2.10"},
              "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURI"},
              "s3":{"s3SchemaVersion":"1.0","configurationId":"on-upload","bucket":{"name":"in-bucket","ownerIdentity":{"principalId":"A3EXAMPLE"},"arn":"arn:aws:s3:::in-bucket"},
                "object":{"key":"uploads/my+file.txt","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","versionId":"v1","sequencer":"0055AED6DCD90281E5"}}}]}
            """ },
        { "sqs/sqs-fifo-event.json", """
            {"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d","receiptHandle":"AQEB","body":"{}",
              "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1735689600000","SenderId":"AIDAEXAMPLE","ApproximateFirstReceiveTimestamp":"1735689600005",
                "SequenceNumber":"18849496460467696128","MessageGroupId":"g1","MessageDeduplicationId":"d1"},
              "messageAttributes":{"kind":{"stringValue":"order","stringListValues":[],"binaryListValues":[],"dataType":"String"}},
              "md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","md5OfMessageAttributes":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:q.fifo","awsRegion":"eu-west-1"}]}
            """ },
        { "kinesis/kinesis-event.json", """
            {"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"pk-1","sequenceNumber":"4959","data":"eyJ9","approximateArrivalTimestamp":1735689600.123},
              "eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-000000000006:4959","eventName":"aws:kinesis:record",
              "invokeIdentityArn":"arn:aws:iam::123456789012:role/fn-role","awsRegion":"eu-west-1","eventSourceARN":"arn:aws:kinesis:eu-west-1:123456789012:stream/s1"}]}
            """ },
        { "dynamodb/dynamodb-modify-event.json", """
            {"Records":[{"eventID":"c4ca","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"eu-west-1",
              "dynamodb":{"ApproximateCreationDateTime":1735689600,"Keys":{"Id":{"N":"101"}},"NewImage":{"Id":{"N":"101"},"Message":{"S":"changed"}},
                "OldImage":{"Id":{"N":"101"},"Message":{"S":"new"}},"SequenceNumber":"222","SizeBytes":59,"StreamViewType":"NEW_AND_OLD_IMAGES"},
              "eventSourceARN":"arn:aws:dynamodb:eu-west-1:123456789012:table/T/stream/2025-01-01T00:00:00.000"}]}
            """ },
        { "api-gateway/api-gateway-rest-event.json", """
            {"resource":"/orders/{id}","path":"/orders/42","httpMethod":"GET","headers":{"Accept":"application/json","Host":"h"},
             "multiValueHeaders":{"Accept":["application/json"]},"queryStringParameters":{"verbose":"1"},"multiValueQueryStringParameters":{"verbose":["1"]},
             "pathParameters":{"id":"42"},"stageVariables":null,
             "requestContext":{"accountId":"123456789012","apiId":"abc123","deploymentId":"d1","domainName":"abc123.execute-api.us-east-1.amazonaws.com","domainPrefix":"abc123",
               "extendedRequestId":"e1=","resourceId":"r1","resourcePath":"/orders/{id}","httpMethod":"GET","path":"/prod/orders/42",
               "stage":"prod","protocol":"HTTP/1.1","requestId":"c6af9ac6","requestTime":"01/Jan/2025:00:00:00 +0000","requestTimeEpoch":1735689600000,
               "identity":{"accessKey":null,"accountId":null,"caller":null,"cognitoAuthenticationProvider":null,"cognitoAuthenticationType":null,"cognitoIdentityId":null,
                 "cognitoIdentityPoolId":null,"principalOrgId":null,"sourceIp":"192.0.2.1","user":null,"userAgent":"curl/8","userArn":null}},
             "body":null,"isBase64Encoded":false}
            """ },
        { "api-gateway/api-gateway-http-v2-event.json", """
            {"version":"2.0","routeKey":"GET /orders/{id}","rawPath":"/orders/42","rawQueryString":"a=1&a=2","cookies":["c1=v1"],
             "headers":{"accept":"application/json"},"queryStringParameters":{"a":"1,2"},"pathParameters":{"id":"42"},
             "requestContext":{"accountId":"123456789012","apiId":"abc123","domainName":"d","domainPrefix":"abc123",
               "http":{"method":"GET","path":"/orders/42","protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"curl/8"},
               "requestId":"JKJaXmPLvHcESHA=","routeKey":"GET /orders/{id}","stage":"$default","time":"01/Jan/2025:00:00:00 +0000","timeEpoch":1735689600000},
             "isBase64Encoded":false}
            """ },
        { "eventbridge/eventbridge-scheduled-event.json", """
            {"version":"0","id":"cdc73f9d","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2025-01-01T00:00:00Z",
             "region":"eu-west-1","resources":["arn:aws:events:eu-west-1:123456789012:rule/every-5-min"],"detail":{}}
            """ },
        { "lambda/lambda-destination-failure-event.json", """
            {"version":"1.0","timestamp":"2025-01-01T00:03:05.568Z",
             "requestContext":{"requestId":"e4b4","functionArn":"arn:aws:lambda:eu-west-1:123456789012:function:fn:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},
             "requestPayload":{"orderId":42},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
             "responsePayload":{"errorType":"Error","errorMessage":"boom"}}
            """ },
        { "kinesis/kinesis-on-failure-event.json", """
            {"requestContext":{"requestId":"c9b8","functionArn":"arn:aws:lambda:eu-west-1:123456789012:function:fn","condition":"RetryAttemptsExhausted","approximateInvokeCount":1},
             "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"version":"1.0","timestamp":"2025-01-01T00:38:06.021Z",
             "KinesisBatchInfo":{"shardId":"shardId-000000000001","startSequenceNumber":"4960","endSequenceNumber":"4960","approximateArrivalOfFirstRecord":"2025-01-01T00:38:04.835Z",
               "approximateArrivalOfLastRecord":"2025-01-01T00:38:05.580Z","batchSize":500,"streamArn":"arn:aws:kinesis:eu-west-1:123456789012:stream/s1"}}
            """ },
    };

    [Theory, MemberData(nameof(Examples))]
    public void A_generated_sample_has_exactly_the_documented_fields(string fixture, string documented)
    {
        var generated = JsonNode.Parse(FixtureCatalog.All.Single(f => f.RelativePath == fixture).Render(FixtureCatalog.DefaultSeed));

        Paths(generated).ShouldBe(Paths(JsonNode.Parse(documented)), ignoreOrder: true);
    }

    /// <summary>Every field path with the kind of its value; array items collapse to <c>[]</c>, item values of free-form maps are kept.</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string path = "$") => node switch
    {
        JsonObject obj when path.EndsWith(".headers") || path.EndsWith("Parameters") || path.EndsWith("Headers") || path.EndsWith("Image") || path.EndsWith(".Keys")
            || path.EndsWith("Payload") || path.EndsWith("messageAttributes") => [$"{path}:object"],
        JsonObject obj => obj.SelectMany(p => Paths(p.Value, $"{path}.{p.Key}")).DefaultIfEmpty($"{path}:object").Distinct(),
        JsonArray array => array.SelectMany(i => Paths(i, path + "[]")).DefaultIfEmpty($"{path}:array").Distinct(),
        null => [$"{path}:null"],
        _ => [$"{path}:{node.GetValueKind()}"],
    };
}
