using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Conformance.Targets.Aws;

/// <summary>
/// Where and as whom the AWS target runs: region, credentials and an optional endpoint (LocalStack or
/// any AWS-compatible endpoint), from the standard AWS settings (environment variables, profiles), and
/// the execution role the probe function runs with. The credentials are never printed.
/// </summary>
public sealed record AwsSettings(string Region, AWSCredentials Credentials, string RunId)
{
    /// <summary>One endpoint for every service (LocalStack's edge port), or null for AWS's own endpoints.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The IAM role the probe runs with (needs SQS send and DynamoDB update on the run's resources).</summary>
    public string? RoleArn { get; init; }

    /// <summary>The prefix of every resource the run creates: <c>lc-RUNID-</c>.</summary>
    public string Prefix => $"lc-{RunId}-";

    public Uri ServiceEndpoint(string service) => Endpoint ?? new Uri($"https://{service}.{Region}.amazonaws.com");

    /// <summary>Reads the standard settings; throws <see cref="TargetUnavailableException"/> naming what is missing.</summary>
    public static AwsSettings FromEnvironment(string? region, Uri? endpoint, string? roleArn, string runId)
    {
        var resolvedRegion = region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? (endpoint is not null ? "us-east-1" : throw new TargetUnavailableException("no AWS region: set AWS_REGION or give --region."));
        AWSCredentials credentials;
        try
        {
            credentials = endpoint is not null && Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null
                ? new BasicAWSCredentials("test", "test") // LocalStack accepts any key
                : DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException)
        {
            throw new TargetUnavailableException("no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE (see `conformance doctor`).");
        }
        return new AwsSettings(resolvedRegion, credentials, runId)
        {
            Endpoint = endpoint,
            RoleArn = roleArn ?? Environment.GetEnvironmentVariable("CONFORMANCE_ROLE_ARN"),
        };
    }
}
