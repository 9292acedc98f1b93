namespace Conformance.Core.Functions;

/// <summary>An S3 bucket notification that invokes a function for matching object events.</summary>
public sealed record BucketNotification(string Bucket, string FunctionName, IReadOnlyList<string> Events, string? Prefix = null, string? Suffix = null)
{
    public string ConfigurationId { get; init; } = "conformance-notification";
}

public enum ApiKind
{
    /// <summary>An API Gateway REST API (payload format 1.0).</summary>
    Rest,

    /// <summary>An API Gateway HTTP API (payload format 1.0 or 2.0).</summary>
    Http,
}

/// <summary>
/// An API with one route integrated with a function. <see cref="Proxy"/> false is a REST custom
/// (non-proxy) integration, which alone may invoke asynchronously (<see cref="AsyncInvocation"/>, the
/// static <c>X-Amz-Invocation-Type: 'Event'</c> header).
/// </summary>
public sealed record ApiSpec(string Name, ApiKind Kind, string RouteKey, string FunctionName)
{
    public string PayloadFormatVersion { get; init; } = "1.0";
    public bool Proxy { get; init; } = true;
    public bool AsyncInvocation { get; init; }

    /// <summary>The integration timeout; null for the default (29 s REST, 30 s HTTP API).</summary>
    public TimeSpan? IntegrationTimeout { get; init; }
}

/// <summary>An EventBridge rule with a schedule expression (<c>rate(5 minutes)</c>, <c>cron(0 12 * * ? *)</c>) targeting a function.</summary>
public sealed record ScheduleRule(string Name, string ScheduleExpression, string FunctionName);

/// <summary>
/// Faults the asynchronous path may show and that AWS documents as possible (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html), injected on demand
/// where the target is a model: each successful event delivered twice, or the first N attempts of each
/// event meeting a system error before reaching the function.
/// </summary>
public sealed record AsyncFaultPlan(bool DuplicateDelivery = false, int SystemErrors = 0);
