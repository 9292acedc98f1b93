using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that check what destinations and dead-letter queues received.</summary>
[Binding]
public sealed class DestinationSteps(DestinationDriver destinations, LedgerDriver ledger)
{
    [Then("{string} received {int} record(s)")]
    public Task Count(string name, int count) => destinations.ExpectCountAsync(name, count);

    [Then("{string} received nothing")]
    public Task Nothing(string name) => destinations.ExpectCountAsync(name, 0);

    [Then("the record in {string} has {string} set to {string}")]
    public Task Field(string name, string path, string value) => destinations.ExpectFieldAsync(name, path, value);

    [Then("the record in {string} has no {string}")]
    public Task NoField(string name, string path) => destinations.ExpectNoFieldAsync(name, path);

    [Then("the record in {string} has {string} set to the request id of the invocation")]
    public async Task RequestId(string name, string path) => await destinations.ExpectFieldAsync(name, path, await ledger.LastRequestIdAsync());

    [Then("the message in {string} is the original event:")]
    public Task Body(string name, string json) => destinations.ExpectBodyAsync(name, json);

    [Then("the message in {string} has the attribute {string} set to {string}")]
    public Task Attribute(string name, string attribute, string value) => destinations.ExpectAttributeAsync(name, attribute, value);

    [Then("the message in {string} has the attribute {string} set to the request id of the invocation")]
    public async Task AttributeRequestId(string name, string attribute) => await destinations.ExpectAttributeAsync(name, attribute, await ledger.LastRequestIdAsync());
}
