using Conformance.Core.Functions;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps for <c>PutFunctionEventInvokeConfig</c>.</summary>
[Binding]
public sealed class AsyncConfigurationSteps(FunctionDriver function, ControlPlaneDriver controlPlane)
{
    [Given("the function's maximum retry attempts are {int}")]
    public Task MaximumRetries(int attempts) => function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: attempts));

    [Given("the function's maximum event age is {int} seconds")]
    public Task MaximumEventAge(int seconds) => function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumEventAgeInSeconds: seconds));

    [When("the function's maximum retry attempts are set to {int}")]
    public async Task SetMaximumRetries(int attempts) =>
        controlPlane.Remember(await function.TryConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: attempts)));

    [When("the function's maximum event age is set to {int} seconds")]
    public async Task SetMaximumEventAge(int seconds) =>
        controlPlane.Remember(await function.TryConfigureAsyncAsync(new EventInvokeConfig(MaximumEventAgeInSeconds: seconds)));

    [Then("the configuration is rejected with {word}")]
    public void Rejected(string errorType) => controlPlane.ExpectRejected(errorType);
}
