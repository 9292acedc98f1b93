using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Targets;

namespace Conformance.Steps.Drivers;

/// <summary>Drives the push sources in front of the function: S3 buckets, APIs and schedules.</summary>
public sealed class PushSourceDriver(ITarget target, FunctionDriver function, ObservationWindow window)
{
    public const string S3Principal = "s3.amazonaws.com";
    public const string ApiGatewayPrincipal = "apigateway.amazonaws.com";
    public const string EventBridgePrincipal = "events.amazonaws.com";

    private HttpResponse? lastResponse;
    private ApiResult? lastConfiguration;

    public HttpResponse LastResponse => lastResponse ?? throw new InvalidOperationException("No HTTP request was sent before this step.");

    public ApiResult LastConfiguration => lastConfiguration ?? throw new InvalidOperationException("No source was configured before this step.");

    public async Task CreateBucketAsync(string bucket, bool versioned) => Expect(await target.Facet<IS3Source>().CreateBucketAsync(bucket, versioned), $"create the bucket {bucket}");

    public async Task NotifyAsync(string bucket, IReadOnlyList<string> events, string? prefix = null, string? suffix = null) =>
        lastConfiguration = await target.Facet<IS3Source>().PutBucketNotificationAsync(new BucketNotification(bucket, function.Name, events, prefix, suffix));

    public async Task PutObjectAsync(string bucket, string key, string content)
    {
        Expect(await target.Facet<IS3Source>().PutObjectAsync(bucket, key, content), $"put {key}");
        window.Acted();
    }

    public async Task DeleteObjectAsync(string bucket, string key)
    {
        Expect(await target.Facet<IS3Source>().DeleteObjectAsync(bucket, key), $"delete {key}");
        window.Acted();
    }

    public async Task CreateApiAsync(ApiSpec api) => lastConfiguration = await target.Facet<IApiGatewaySource>().CreateApiAsync(api);

    public async Task AllowApiAsync(string api) => await function.AllowAsync(ApiGatewayPrincipal, await target.Facet<IApiGatewaySource>().ApiSourceArnAsync(api));

    public async Task SendAsync(string api, HttpRequest request)
    {
        lastResponse = await window.WaitingForAsync(function.RunTime, () => target.Facet<IApiGatewaySource>().SendHttpRequestAsync(api, request));
        window.Acted();
    }

    public async Task ScheduleAsync(string rule, string expression)
    {
        lastConfiguration = await target.Facet<IScheduleSource>().PutScheduleRuleAsync(new ScheduleRule(rule, expression, function.Name));
        window.Acted();
    }

    public void ExpectConfigured()
    {
        if (!LastConfiguration.Succeeded) throw new ExpectationFailedException("The source was not configured.", "success", LastConfiguration.ToString());
    }

    public void ExpectConfigurationRejected(string errorType, string? message = null) =>
        Rejection.Expect(LastConfiguration, "source configuration", errorType, message, wholeMessage: true);

    public void ExpectStatus(int status)
    {
        if (LastResponse.StatusCode != status)
            throw new ExpectationFailedException("The HTTP status differs.", $"{status}", $"{LastResponse.StatusCode} {LastResponse.Body}");
    }

    public void ExpectBody(string body)
    {
        if (LastResponse.Body != body && !Json.SameValue(body, LastResponse.Body))
            throw new ExpectationFailedException("The HTTP body differs.", body, LastResponse.Body);
    }

    public void ExpectHeader(string name, string value)
    {
        var values = LastResponse.Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        if (values.Count == 0 || !HeaderValues.Equivalent(name, value, string.Join(", ", values)))
            throw new ExpectationFailedException($"The HTTP header {name} differs.", value, values.Count == 0 ? "(absent)" : string.Join(", ", values));
    }

    private static void Expect(ApiResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"The target refused to {what}: {result}");
    }
}
