using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that judge what a target delivers against what AWS delivers for its kind.</summary>
[Binding]
public sealed class DeliveredEventSteps(DeliveredEventDriver delivered)
{
    [Then("every event the function received is as AWS sends it")]
    public Task AsAwsSends() => delivered.ExpectAsAwsSendsAsync();

    [Then("every event the function received is as AWS sends it from {string}")]
    public Task AsAwsSendsFrom(string source) => delivered.ExpectAsAwsSendsAsync(source);

    [Then("every record in {string} is as AWS sends it")]
    public Task DestinationShape(string destination) => delivered.ExpectDestinationShapeAsync(destination);

    [Then("every message in {string} carries the message attributes AWS sends")]
    public Task DeadLetterAttributes(string queue) => delivered.ExpectDeadLetterAttributesAsync(queue);
}
