using Conformance.Core.Functions;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that create the scenario's function and program its behaviour.</summary>
[Binding]
public sealed class FunctionSteps(FunctionDriver function)
{
    [Given("a function that returns:")]
    public Task FunctionReturns(string json) => function.CreateAsync(FunctionBehaviour.Returning(json));

    [Given("a function that returns nothing")]
    public Task FunctionReturnsNothing() => function.CreateAsync(FunctionBehaviour.Returning("null"));

    [Given("a function that fails with {string}: {string}")]
    public Task FunctionFails(string type, string message) => function.CreateAsync(FunctionBehaviour.AlwaysFailing(type, message));

    [Given("a function that fails its first {int} invocation(s) and then returns:")]
    public Task FunctionFailsFirst(int count, string json) =>
        function.CreateAsync(FunctionBehaviour.Returning(json) with { FailingInvocations = count });

    [Given("a function with a timeout of {int} second(s) that runs for {int} second(s)")]
    public Task FunctionRunsLong(int timeout, int duration) =>
        function.CreateAsync(new FunctionBehaviour { Duration = TimeSpan.FromSeconds(duration) }, TimeSpan.FromSeconds(timeout));
}
