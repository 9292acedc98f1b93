using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace Conformance.Steps.Definitions;

/// <summary>Steps that judge what a target delivers against what AWS delivers for its kind.</summary>
[Binding]
public sealed class DeliveredEventSteps(DeliveredEventDriver delivered)
{
    [Then("every event the function received has every field AWS sends, with its JSON type")]
    public Task RecordedShape() => delivered.ExpectRecordedShapeAsync();

    [Then("every ARN and Region in them is written as AWS writes it")]
    public Task WellFormed() => delivered.ExpectWellFormedArnsAsync();

    [Then("every record names {string} as its source, in that resource's Region")]
    public Task Source(string source) => delivered.ExpectSourceAsync(source);

    [Then("every record in {string} has every field AWS sends, with its JSON type, and ARNs as AWS writes them")]
    public Task DestinationShape(string destination) => delivered.ExpectDestinationShapeAsync(destination);

    [Then("every message in {string} carries the message attributes AWS sends")]
    public Task DeadLetterAttributes(string queue) => delivered.ExpectDeadLetterAttributesAsync(queue);
}
