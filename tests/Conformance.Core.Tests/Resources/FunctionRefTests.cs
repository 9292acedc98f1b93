using Conformance.Core.Resources;

namespace Conformance.Core.Tests.Resources;

/// <summary>Every form of <c>FunctionName</c> the Invoke API takes.</summary>
public sealed class FunctionRefTests
{
    [Theory]
    [InlineData("orders", "orders", null)]
    [InlineData("orders:live", "orders", "live")]
    [InlineData("orders:$LATEST", "orders", "$LATEST")]
    [InlineData("123456789012:function:orders", "orders", null)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders", "orders", null)]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders:3", "orders", "3")]
    public void A_reference_names_the_function_and_its_qualifier(string text, string name, string? qualifier)
    {
        var reference = FunctionRef.Parse(text);
        reference.Name.ShouldBe(name);
        reference.Qualifier.ShouldBe(qualifier);
        reference.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("orders:live", "c1-orders:live")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:orders:3", "arn:aws:lambda:us-east-1:123456789012:function:c1-orders:3")]
    public void Renaming_keeps_the_form_of_the_reference(string text, string renamed) =>
        FunctionRef.Parse(text).Renamed("c1-" + FunctionRef.Parse(text).Name).ToString().ShouldBe(renamed);
}
