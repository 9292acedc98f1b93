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

    [When("the function is invoked synchronously with the log type Tail")]
    public Task InvokeWithTail() => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", tailLog: true);

    [When("the function is invoked synchronously with a payload of {int} bytes")]
    public Task InvokeSyncSized(int bytes) => invocation.InvokeAsync(InvocationType.RequestResponse, InvocationDriver.PayloadOfSize(bytes));

    [When("the function is invoked asynchronously with a payload of {int} bytes")]
    public Task InvokeAsyncSized(int bytes) => invocation.InvokeAsync(InvocationType.Event, InvocationDriver.PayloadOfSize(bytes));

    [When("the function is invoked synchronously {int} time(s) at once")]
    public Task InvokeMany(int count) => invocation.InvokeManyAsync(InvocationType.RequestResponse, count);

    [When("the function is invoked asynchronously {int} times")]
    public Task InvokeManyAsync(int count) => invocation.InvokeManyAsync(InvocationType.Event, count);

    [When("a function named {string} that does not exist is invoked synchronously")]
    public Task InvokeMissing(string name) => invocation.InvokeAsync(InvocationType.RequestResponse, "{}", name);

    [Then("the response status is {int}")]
    public void Status(int status) => invocation.ExpectStatus(status);

    [Then("the response has no function error")]
    public void NoFunctionError() => invocation.ExpectFunctionError(null);

    [Then("the response reports the function error {string}")]
    public void FunctionError(string header) => invocation.ExpectFunctionError(header);

    [Then("the executed version is {string}")]
    public void ExecutedVersion(string version) => invocation.ExpectExecutedVersion(version);

    [Then("the response payload is:")]
    public void Payload(string json) => invocation.ExpectPayload(json);

    [Then("the response payload is the JSON string {string}")]
    public void PayloadString(string text) => invocation.ExpectPayload(System.Text.Json.JsonSerializer.Serialize(text));

    [Then("the response has no payload")]
    public void NoPayload() => invocation.ExpectNoPayload();

    [Then("the error document has the type {string} and the message {string}")]
    public void ErrorDocument(string type, string message)
    {
        invocation.ExpectPayloadField("errorType", type);
        invocation.ExpectPayloadField("errorMessage", message);
    }

    [Then("the error type is {string}")]
    public void ErrorType(string type) => invocation.ExpectPayloadField("errorType", type);

    [Then("the error message contains {string}")]
    public void ErrorMessageContains(string text) => invocation.ExpectPayloadField("errorMessage", text, contains: true);

    [Then("the invocation is rejected with status {int} and {word}")]
    public void Rejected(int status, string errorType) => invocation.ExpectRejection(status, errorType);

    [Then("the rejection's message contains {string}")]
    public void RejectionSays(string text) => invocation.ExpectPayloadField("message", text, contains: true);

    [Then("the invocation is throttled with the reason {word}")]
    public void Throttled(string reason) => invocation.ExpectThrottled(reason);

    [Then("{int} invocation(s) answered 200 and {int} were throttled")]
    public void Outcomes(int succeeded, int throttled) => invocation.ExpectOutcomes(succeeded, throttled);

    [Then("the log tail contains {string}")]
    public void LogTailContains(string text) => invocation.ExpectLogTailContaining(text);

    [Then("the log tail is at most {int} bytes")]
    public void LogTailSize(int bytes) => invocation.ExpectLogTailAtMost(bytes);

    [Then("the response has no log tail")]
    public void NoLogTail() => invocation.ExpectNoLogTail();
}
