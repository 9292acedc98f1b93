using Amazon.S3;
using Amazon.S3.Model;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Sources;

/// <summary>The S3 operations of the real targets through AWSSDK.S3, on physical bucket names.</summary>
public sealed class S3Buckets(AmazonS3Client s3)
{
    /// <summary>Creates a bucket, versioned if asked; <paramref name="created"/> runs once the bucket exists, so it is removed even if versioning is refused.</summary>
    public Task<ApiResult> CreateAsync(string physicalName, bool versioned, Action created, CancellationToken cancellation) => AwsCall.Run(async () =>
    {
        await s3.PutBucketAsync(physicalName, cancellation);
        created();
        if (versioned)
            await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest
            {
                BucketName = physicalName, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled },
            }, cancellation);
    });

    /// <summary><c>PutBucketNotificationConfiguration</c> with one Lambda function configuration and its key filter.</summary>
    public Task<ApiResult> PutNotificationAsync(string physicalName, string functionArn, BucketNotification notification, CancellationToken cancellation)
    {
        var rules = new List<FilterRule>();
        if (notification.Prefix is { } prefix) rules.Add(new FilterRule("prefix", prefix));
        if (notification.Suffix is { } suffix) rules.Add(new FilterRule("suffix", suffix));
        return AwsCall.Run(() => s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = physicalName,
            LambdaFunctionConfigurations =
            [
                new LambdaFunctionConfiguration
                {
                    Id = notification.ConfigurationId,
                    FunctionArn = functionArn,
                    Events = [.. notification.Events.Select(e => new EventType(e))],
                    Filter = rules.Count > 0 ? new Filter { S3KeyFilter = new S3KeyFilter { FilterRules = rules } } : null,
                },
            ],
        }, cancellation));
    }

    public Task<ApiResult> PutObjectAsync(string physicalName, string key, string content, CancellationToken cancellation) =>
        AwsCall.Run(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = physicalName, Key = key, ContentBody = content }, cancellation));

    public Task<ApiResult> DeleteObjectAsync(string physicalName, string key, CancellationToken cancellation) =>
        AwsCall.Run(() => s3.DeleteObjectAsync(physicalName, key, cancellation));

    /// <summary>Deletes every object version, then the bucket (S3 refuses to delete a bucket that is not empty).</summary>
    public Task<ApiResult> EmptyAndDeleteAsync(string physicalName) => AwsCall.Run(async () =>
    {
        var versions = await s3.ListVersionsAsync(physicalName);
        foreach (var version in versions.Versions ?? [])
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = physicalName, Key = version.Key, VersionId = version.VersionId });
        await s3.DeleteBucketAsync(physicalName);
    });
}
