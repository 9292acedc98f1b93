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

    [Then("the response has no payload")]
    public void NoPayload() => invocation.ExpectNoPayload();

    [Then("the error document has the type {string} and the message {string}")]
    public void ErrorDocument(string type, string message)
    {
        invocation.ExpectPayloadField("errorType", type);
        invocation.ExpectPayloadField("errorMessage", message);
    }

    [Then("the error message contains {string}")]
    public void ErrorMessageContains(string text) => invocation.ExpectPayloadField("errorMessage", text, contains: true);

    [Then("the invocation is rejected with status {int} and {word}")]
    public void Rejected(int status, string errorType) => invocation.ExpectRejection(status, errorType);
}
