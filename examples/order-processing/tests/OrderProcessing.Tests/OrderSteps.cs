using System.Text.Json.Nodes;
using Conformance.Core.Targets;
using Conformance.Gherkin.Bindings;
using Conformance.Steps.Drivers;

namespace OrderProcessing.Tests;

/// <summary>A step of this team's own, beside the kit's vocabulary: it reads what the function received.</summary>
[Binding]
public sealed class OrderSteps(ITarget target, FunctionDriver function)
{
    [Then("no order was taken twice")]
    public async Task NoOrderTakenTwice()
    {
        var invocations = await target.GetInvocationsAsync(function.Name);
        var orders = invocations
            .SelectMany(invocation => JsonNode.Parse(invocation.Event)?["Records"]?.AsArray() ?? [])
            .Select(record => record?["body"]?.GetValue<string>() ?? "")
            .Where(body => body.StartsWith("order-", StringComparison.Ordinal));
        var twice = orders.GroupBy(order => order).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (twice.Count > 0)
            throw new ExpectationFailedException("Some orders were taken more than once.", "every order once", string.Join(", ", twice));
    }
}
