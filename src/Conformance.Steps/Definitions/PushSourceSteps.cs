using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps for the push sources: S3 notifications, API Gateway and EventBridge schedules.</summary>
[Binding]
public sealed class PushSourceSteps(PushSourceDriver push, FunctionDriver function)
{
    // ---- S3 ----

    [Given("S3 may invoke the function")]
    public Task AllowS3() => function.AllowAsync(PushSourceDriver.S3Principal);

    [Given("a bucket {string}")]
    public Task Bucket(string bucket) => push.CreateBucketAsync(bucket, versioned: false);

    [Given("a versioned bucket {string}")]
    public Task VersionedBucket(string bucket) => push.CreateBucketAsync(bucket, versioned: true);

    [Given("the bucket {string} notifies the function of {string}")]
    public async Task Notifies(string bucket, string events)
    {
        await push.NotifyAsync(bucket, events.Split(',', StringSplitOptions.TrimEntries));
        push.ExpectConfigured();
    }

    [Given("the bucket {string} notifies the function of {string} for keys starting with {string} and ending with {string}")]
    public async Task NotifiesFiltered(string bucket, string events, string prefix, string suffix)
    {
        await push.NotifyAsync(bucket, events.Split(',', StringSplitOptions.TrimEntries), prefix, suffix);
        push.ExpectConfigured();
    }

    [When("the bucket {string} is configured to notify the function of {string}")]
    public Task TryNotify(string bucket, string events) => push.NotifyAsync(bucket, events.Split(',', StringSplitOptions.TrimEntries));

    [When("the object {string} is put into {string} with the content {string}")]
    public Task Put(string key, string bucket, string content) => push.PutObjectAsync(bucket, key, content);

    [When("the object {string} is deleted from {string}")]
    public Task Delete(string key, string bucket) => push.DeleteObjectAsync(bucket, key);

    [Then("the source configuration is rejected with {word}")]
    public void ConfigurationRejected(string errorType) => push.ExpectConfigurationRejected(errorType);

    [Then("the source configuration is rejected with {word}: {string}")]
    public void ConfigurationRejectedSaying(string errorType, string message) => push.ExpectConfigurationRejected(errorType, message);

    // ---- API Gateway ----

    [Given("a REST API {string} with a Lambda proxy integration on {string}")]
    public async Task RestProxy(string api, string route)
    {
        await push.CreateApiAsync(new ApiSpec(api, ApiKind.Rest, route, function.Name));
        push.ExpectConfigured();
    }

    [Given("an HTTP API {string} with payload format {string} on {string}")]
    public async Task HttpApi(string api, string version, string route)
    {
        await push.CreateApiAsync(new ApiSpec(api, ApiKind.Http, route, function.Name) { PayloadFormatVersion = version });
        push.ExpectConfigured();
    }

    [Given("a REST API {string} with a custom integration that invokes the function asynchronously on {string}")]
    public async Task RestAsync(string api, string route)
    {
        await push.CreateApiAsync(new ApiSpec(api, ApiKind.Rest, route, function.Name) { Proxy = false, AsyncInvocation = true });
        push.ExpectConfigured();
    }

    [When("an HTTP API {string} is created to invoke the function asynchronously on {string}")]
    public Task HttpAsync(string api, string route) =>
        push.CreateApiAsync(new ApiSpec(api, ApiKind.Http, route, function.Name) { PayloadFormatVersion = "2.0", Proxy = false, AsyncInvocation = true });

    [Given("API Gateway may invoke the function from {string}")]
    public Task AllowApi(string api) => push.AllowApiAsync(api);

    [When("a client sends {word} {string} to {string}")]
    public Task Send(string method, string pathAndQuery, string api) => push.SendAsync(api, Request(method, pathAndQuery, null, []));

    [When("a client sends {word} {string} to {string} with the headers:")]
    public Task SendWithHeaders(string method, string pathAndQuery, string api, DataTable headers) =>
        push.SendAsync(api, Request(method, pathAndQuery, null, headers.Rows.Skip(1).Select(r => new KeyValuePair<string, string>(r[0], r[1])).ToList()));

    [When("a client sends {word} {string} to {string} with the body:")]
    public Task SendWithBody(string method, string pathAndQuery, string api, string body) => push.SendAsync(api, Request(method, pathAndQuery, body, []));

    [Then("the HTTP status is {int}")]
    public void Status(int status) => push.ExpectStatus(status);

    [Then("the HTTP body is {string}")]
    public void Body(string body) => push.ExpectBody(body);

    [Then("the HTTP header {string} is {string}")]
    public void Header(string name, string value) => push.ExpectHeader(name, value);

    private static HttpRequest Request(string method, string pathAndQuery, string? body, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var parts = pathAndQuery.Split('?', 2);
        return new HttpRequest(method, parts[0], body) { QueryString = parts.Length > 1 ? parts[1] : "", Headers = headers };
    }

    // ---- Schedules ----

    [Given("EventBridge may invoke the function")]
    public Task AllowEventBridge() => function.AllowAsync(PushSourceDriver.EventBridgePrincipal);

    [Given("a rule {string} that invokes the function on the schedule {string}")]
    public async Task Rule(string rule, string expression)
    {
        await push.ScheduleAsync(rule, expression);
        push.ExpectConfigured();
    }

    [When("a rule {string} is created with the schedule {string}")]
    public Task TryRule(string rule, string expression) => push.ScheduleAsync(rule, expression);
}
