using Conformance.Core.Functions;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps for <c>PutFunctionEventInvokeConfig</c>, destinations, dead-letter queues and async faults.</summary>
[Binding]
public sealed class AsyncConfigurationSteps(FunctionDriver function, DestinationDriver destinations, ControlPlaneDriver controlPlane)
{
    [Given("the function's maximum retry attempts are {int}")]
    public Task MaximumRetries(int attempts) => function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: attempts));

    [Given("the function's maximum event age is {int} seconds")]
    public Task MaximumEventAge(int seconds) => function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumEventAgeInSeconds: seconds));

    [Given("the maximum retry attempts of {string} are {int}")]
    public Task QualifiedRetries(string qualifier, int attempts) => function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: attempts, Qualifier: qualifier));

    [When("the function's maximum retry attempts are set to {int}")]
    public async Task SetMaximumRetries(int attempts) => controlPlane.Remember(await function.TryConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: attempts)));

    [When("the function's maximum event age is set to {int} seconds")]
    public async Task SetMaximumEventAge(int seconds) => controlPlane.Remember(await function.TryConfigureAsyncAsync(new EventInvokeConfig(MaximumEventAgeInSeconds: seconds)));

    [When("the function's reserved concurrency is set to {int}")]
    public async Task SetReserved(int reserved) => controlPlane.Remember(await function.TryReserveConcurrencyAsync(reserved));

    [Then("the configuration is rejected with {word}")]
    public void Rejected(string errorType) => controlPlane.ExpectRejected(errorType);

    [Then("the configuration is rejected with {word}: {string}")]
    public void RejectedWithMessage(string errorType, string message) => controlPlane.ExpectRejected(errorType, message);

    [Given("a(n) {destination} {string}")]
    public Task Destination(string kind, string name) => destinations.CreateAsync(kind, name);

    [Given("successful events go to {string}")]
    public async Task OnSuccess(string name) => await function.ConfigureAsyncAsync(new EventInvokeConfig(OnSuccessDestination: destinations.Arn(name)));

    [Given("failed events go to {string}")]
    public async Task OnFailure(string name) => await function.ConfigureAsyncAsync(new EventInvokeConfig(OnFailureDestination: destinations.Arn(name)));

    [Given("failed events go to {string} after at most {int} retr(y)(ies)")]
    public async Task OnFailureAfter(string name, int retries) =>
        await function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumRetryAttempts: retries, OnFailureDestination: destinations.Arn(name)));

    [Given("failed events go to {string} once they are {int} seconds old")]
    public async Task OnFailureAged(string name, int seconds) =>
        await function.ConfigureAsyncAsync(new EventInvokeConfig(MaximumEventAgeInSeconds: seconds, OnFailureDestination: destinations.Arn(name)));

    [When("successful events are sent to {string}")]
    public async Task TryOnSuccess(string name) => controlPlane.Remember(await function.TryConfigureAsyncAsync(new EventInvokeConfig(OnSuccessDestination: destinations.Arn(name))));

    [Given("the function's dead-letter queue is {string}")]
    public Task DeadLetter(string name) => function.UpdateAsync(spec => spec with { DeadLetterTargetArn = destinations.Arn(name) });

    [Given("Lambda delivers every successful event twice")]
    public Task Duplicates() => function.InjectFaultsAsync(new AsyncFaultPlan(DuplicateDelivery: true));

    [Given("the first {int} attempts of each event meet a Lambda service error")]
    public Task SystemErrors(int count) => function.InjectFaultsAsync(new AsyncFaultPlan(SystemErrors: count));

    [StepArgumentTransformation("(SQS queue|SQS FIFO queue|SNS topic|EventBridge bus|S3 bucket|function)", Name = "destination", UseForSnippets = false)]
    public static string DestinationKind(string kind) => kind;
}
