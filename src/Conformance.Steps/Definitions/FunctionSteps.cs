using Conformance.Core.Functions;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that create the scenario's function, program its behaviour and configure it.</summary>
[Binding]
public sealed class FunctionSteps(FunctionDriver function, ControlPlaneDriver controlPlane)
{
    [Given("a function that returns:")]
    public Task FunctionReturns(string json) => function.CreateAsync(FunctionBehaviour.Returning(json));

    [Given("a function that returns nothing")]
    public Task FunctionReturnsNothing() => function.CreateAsync(FunctionBehaviour.Returning("null"));

    [Given("a function that fails with {string}: {string}")]
    public Task FunctionFails(string type, string message) => function.CreateAsync(FunctionBehaviour.AlwaysFailing(type, message));

    [Given("a function that fails its first {int} invocation(s) and then returns:")]
    public Task FunctionFailsFirst(int count, string json) => function.CreateAsync(FunctionBehaviour.Returning(json) with { FailingInvocations = count });

    [Given("a function with a timeout of {int} second(s) that runs for {int} second(s)")]
    public Task FunctionRunsLong(int timeout, int duration) =>
        function.CreateAsync(new FunctionBehaviour { Duration = TimeSpan.FromSeconds(duration) }, TimeSpan.FromSeconds(timeout));

    [Given("a function that runs for {int} second(s) and returns:")]
    public Task FunctionRunsAndReturns(int duration, string json) =>
        function.CreateAsync(FunctionBehaviour.Returning(json) with { Duration = TimeSpan.FromSeconds(duration) }, TimeSpan.FromSeconds(900));

    [Given("a function that logs {int} lines")]
    public Task FunctionLogs(int lines) =>
        function.CreateAsync(new FunctionBehaviour { LogLines = [.. Enumerable.Range(1, lines).Select(i => $"log line {i} of {lines}")] });

    [When("a function with a timeout of {int} seconds is created")]
    public async Task TryCreate(int seconds) => controlPlane.Remember(await function.TryCreateAsync(new FunctionBehaviour(), TimeSpan.FromSeconds(seconds)));

    [Then("the function is created")]
    public async Task Created()
    {
        controlPlane.ExpectSucceeded();
        await function.ExpectInvocableAsync();
    }

    [Then("the function is rejected with {word}")]
    public void Rejected(string errorType) => controlPlane.ExpectRejected(errorType);

    [Given("a second function {string} that behaves the same, with the default settings")]
    public Task Twin(string name) => function.CreateTwinAsync(name);

    [Given("the function is changed to run for {int} second(s)")]
    public Task ChangedToRunFor(int seconds) => function.UpdateAsync(spec => spec with { Behaviour = spec.Behaviour with { Duration = TimeSpan.FromSeconds(seconds) } });

    [Given("the function is changed to report as failed the items containing {string}")]
    public Task ChangedToReportFailures(string marker) =>
        function.UpdateAsync(spec => spec with { Behaviour = new FunctionBehaviour { FailItemsContaining = marker } });

    [Given("the function is changed to return:")]
    public Task ChangedToReturn(string json) => function.UpdateAsync(spec => spec with { Behaviour = spec.Behaviour with { ResponseJson = json } });

    [Given("the function is published as version {string}")]
    public async Task Published(string version)
    {
        var published = await function.PublishVersionAsync();
        if (published != version) throw new ExpectationFailedException("The published version has another number.", version, published);
    }

    [Given("an alias {string} points at version {string}")]
    public Task Alias(string alias, string version) => function.CreateAliasAsync(alias, version);

    [Given("the function has a reserved concurrency of {int}")]
    public Task Reserved(int reserved) => function.ReserveConcurrencyAsync(reserved);

    [Given("the function's policy lets {string} invoke it")]
    public Task Allow(string principal) => function.AllowAsync(principal);
}
