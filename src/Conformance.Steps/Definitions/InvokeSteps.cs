using Conformance.Core.Invocation;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that call <c>Invoke</c> and check its HTTP answer.</summary>
[Binding]
public sealed class InvokeSteps(InvocationDriver invocation)
{
    [When("the function is invoked synchronously with:")]
    public Task InvokeSync(string payload) => invocation.InvokeAsync(InvocationType.RequestResponse, payload);

    [When("the function is invoked asynchronously with:")]
    public Task InvokeAsync(string payload) => invocation.InvokeAsync(InvocationType.Event, payload);

    [When("the function {string} is invoked asynchronously with:")]
    public Task InvokeNamedAsync(string name, string payload) => invocation.InvokeAsync(InvocationType.Event, payload, functionName: name);

    [When("the function and {string} are each invoked asynchronously with:")]
    public async Task InvokeBothAsync(string other, string payload)
    {
        await invocation.InvokeAsync(InvocationType.Event, payload);
        await invocation.InvokeAsync(InvocationType.Event, payload, functionName: other);
    }

    [When("the function is invoked as a dry run with:")]
    public Task InvokeDryRun(string payload) => invocation.InvokeAsync(InvocationType.DryRun, payload);

    [When("the function is invoked synchronously with the body {string}")]
    public Task InvokeSyncRaw(string body) => invocation.InvokeAsync(InvocationType.RequestResponse, body);

    [When("the function is invoked synchronously through the qualifier {string}")]
    public Task InvokeQualified(string qualifier) => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", qualifier: qualifier);

    [When("the function is invoked synchronously as {string}")]
    public Task InvokeByName(string name) => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", functionName: name);

    [When("the function is invoked synchronously as {string} with the qualifier {string}")]
    public Task InvokeByNameAndQualifier(string name, string qualifier) => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", functionName: name, qualifier: qualifier);

    [When("the function is invoked synchronously by its full ARN")]
    public Task InvokeByArn() => invocation.InvokeByArnAsync(partial: false);

    [When("the function is invoked synchronously by its partial ARN")]
    public Task InvokeByPartialArn() => invocation.InvokeByArnAsync(partial: true);

    [When("the function is invoked synchronously by its full ARN with the qualifier {string} appended")]
    public Task InvokeByQualifiedArn(string qualifier) => invocation.InvokeByArnAsync(partial: false, qualifier);

    [When("the function is invoked synchronously with the log type Tail")]
    public Task InvokeWithTail() => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", tailLog: true);

    [When("the function is invoked synchronously with a payload of {int} bytes")]
    public Task InvokeSyncSized(int bytes) => invocation.InvokeAsync(InvocationType.RequestResponse, InvocationDriver.PayloadOfSize(bytes));

    [When("the function is invoked asynchronously with a payload of {int} bytes")]
    public Task InvokeAsyncSized(int bytes) => invocation.InvokeAsync(InvocationType.Event, InvocationDriver.PayloadOfSize(bytes));

    [When("the function is invoked synchronously {int} time(s) at once")]
    public Task InvokeAtOnce(int count) => invocation.InvokeAtOnceAsync(count);

    [When("the function is invoked asynchronously {int} times")]
    public Task InvokeManyAsync(int count) => invocation.InvokeManyAsync(InvocationType.Event, count);

    [When("a function named {string} that does not exist is invoked synchronously")]
    public Task InvokeMissing(string name) => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", name);

    [Then("the response status is {int}")]
    public Task Status(int status) => invocation.ExpectStatusAsync(status);

    [Then("the response has no function error")]
    public Task NoFunctionError() => invocation.ExpectFunctionErrorAsync(null);

    [Then("the response reports the function error {string}")]
    public Task FunctionError(string header) => invocation.ExpectFunctionErrorAsync(header);

    [Then("the executed version is {string}")]
    public Task ExecutedVersion(string version) => invocation.ExpectExecutedVersionAsync(version);

    [Then("the response payload is:")]
    public Task Payload(string json) => invocation.ExpectPayloadAsync(json);

    [Then("the response payload is the JSON string {string}")]
    public Task PayloadString(string text) => invocation.ExpectPayloadAsync(System.Text.Json.JsonSerializer.Serialize(text));

    [Then("the response has no payload")]
    public Task NoPayload() => invocation.ExpectNoPayloadAsync();

    [Then("the error document has the type {string} and the message {string}")]
    public async Task ErrorDocument(string type, string message)
    {
        await invocation.ExpectPayloadFieldAsync("errorType", type);
        await invocation.ExpectPayloadFieldAsync("errorMessage", message);
    }

    [Then("the error type is {string}")]
    public Task ErrorType(string type) => invocation.ExpectPayloadFieldAsync("errorType", type);

    [Then("the error message contains {string}")]
    public Task ErrorMessageContains(string text) => invocation.ExpectPayloadFieldAsync("errorMessage", text, contains: true);

    [Then("the invocation is rejected with status {int} and {word}")]
    public Task Rejected(int status, string errorType) => invocation.ExpectRejectionAsync(status, errorType);

    [Then("the rejection's message contains {string}")]
    public Task RejectionSays(string text) => invocation.ExpectPayloadFieldAsync("message", text, contains: true);

    [Then("the invocation is throttled with the reason {word}")]
    public Task Throttled(string reason) => invocation.ExpectThrottledAsync(reason);

    [Then("{int} invocation(s) answered 200 and {int} were throttled")]
    public Task Outcomes(int succeeded, int throttled) => invocation.ExpectOutcomesAsync(succeeded, throttled);

    [Then("the calls were answered {string}, in the order they were made")]
    public Task Statuses(string statuses) => invocation.ExpectStatusesAsync(statuses);

    [Then("the log tail contains {string}")]
    public Task LogTailContains(string text) => invocation.ExpectLogTailContainingAsync(text);

    [Then("the log tail is at most {int} bytes")]
    public Task LogTailSize(int bytes) => invocation.ExpectLogTailAtMostAsync(bytes);

    [Then("the response has no log tail")]
    public Task NoLogTail() => invocation.ExpectNoLogTailAsync();
}
