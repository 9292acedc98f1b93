using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>
/// Steps for a team's own functions (declared in the project's <c>conformance.json</c>): choose one,
/// then check what it answered. Every other step (mappings, routes, schedules, time) acts on it.
/// </summary>
[Binding]
public sealed class UserFunctionSteps(FunctionDriver function, ResponseDriver responses, PullSourceDriver pull)
{
    [Given("the function {string}")]
    public Task Declared(string name) => function.CreateDeclaredAsync(name);

    [Then("every invocation succeeded")]
    public Task AllSucceeded() => responses.ExpectAllSucceededAsync();

    [Then("invocation {int} returned:")]
    public Task Returned(int index, string json) => responses.ExpectReturnedAsync(index, json);

    [Then("invocation {int} failed with {string}")]
    public Task FailedWith(int index, string errorType) => responses.ExpectFailedWithAsync(index, errorType);

    [Then("the response to batch {int} named as failed {string}")]
    public Task ReportedFailures(int index, string items) => responses.ExpectReportedFailuresAsync(index, items);

    [Then("the response to batch {int} named no failures")]
    public Task ReportedNoFailures(int index) => responses.ExpectReportedFailuresAsync(index, "");

    [Then("the function received {string} exactly {int} time(s)")]
    public Task ReceivedExactly(string item, int times) => pull.ExpectReceivedExactlyAsync(item, times);
}
