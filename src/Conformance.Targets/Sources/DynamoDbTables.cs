using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Sources;

/// <summary>The DynamoDB operations of the real targets: tables with a stream, items written as plain JSON (the key a number).</summary>
public sealed class DynamoDbTables(AmazonDynamoDBClient dynamoDb)
{
    public async Task<(ApiResult Result, string? StreamArn)> CreateAsync(string physicalName, TableSpec table, string runId, CancellationToken cancellation)
    {
        string? streamArn = null;
        var result = await AwsCall.Run(async () =>
        {
            var answer = await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = physicalName,
                KeySchema = [new KeySchemaElement(table.KeyAttribute, KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition(table.KeyAttribute, ScalarAttributeType.N)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = table.StreamViewType },
                Tags = [new Tag { Key = "conformance-run", Value = runId }],
            }, cancellation);
            streamArn = answer.TableDescription.LatestStreamArn;
            await WaitUntilActiveAsync(physicalName, cancellation);
        });
        return (result, streamArn);
    }

    public async Task WaitUntilActiveAsync(string physicalName, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var description = await dynamoDb.DescribeTableAsync(physicalName, cancellation);
            if (description.Table.TableStatus == TableStatus.ACTIVE) return;
            await Task.Delay(500, cancellation);
        }
        throw new TargetUnavailableException($"the table {physicalName} did not become ACTIVE.");
    }

    public Task<ApiResult> PutAsync(string physicalName, string itemJson, CancellationToken cancellation) =>
        AwsCall.Run(() => dynamoDb.PutItemAsync(physicalName, Document.FromJson(itemJson).ToAttributeMap(), cancellation));

    public Task<ApiResult> DeleteItemAsync(string physicalName, string keyJson, CancellationToken cancellation) =>
        AwsCall.Run(() => dynamoDb.DeleteItemAsync(physicalName, new Dictionary<string, AttributeValue> { ["Id"] = new() { N = keyJson } }, cancellation));

    public Task DeleteAsync(string physicalName) => AwsCall.Run(() => dynamoDb.DeleteTableAsync(physicalName));
}
