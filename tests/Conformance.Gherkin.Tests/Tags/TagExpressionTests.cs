using Conformance.Gherkin.Tags;

namespace Conformance.Gherkin.Tests.Tags;

public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@a", "@a", true)]
    [InlineData("@a", "@b", false)]
    [InlineData("not @a", "@b", true)]
    [InlineData("@a and @b", "@a|@b", true)]
    [InlineData("@a and @b", "@a", false)]
    [InlineData("@a or @b", "@b", true)]
    [InlineData("@a or @b and @c", "@a", true)] // and binds tighter than or
    [InlineData("(@a or @b) and @c", "@a", false)]
    [InlineData("not (@a or @b)", "@c", true)]
    [InlineData("not @a and not @b", "@b", false)]
    [InlineData(@"@x\(1\)", "@x(1)", true)]
    [InlineData(@"@with\ space", "@with space", true)]
    [InlineData("", "@anything", true)]
    public void Evaluates_like_cucumber(string expression, string tags, bool expected) =>
        TagExpression.Parse(expression).Evaluate(tags.Split('|', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(expected);

    [Theory]
    [InlineData("@a and", "ends with an operator")]
    [InlineData("and @a", "a tag was expected before 'and'")]
    [InlineData("(@a", "unmatched (")]
    [InlineData("@a)", "unmatched )")]
    [InlineData("@a @b", "an operator was expected before '@b'")]
    [InlineData(@"@a\b", "illegal escape")]
    public void Rejects_malformed_expressions_with_the_reason(string expression, string reason) =>
        Should.Throw<FormatException>(() => TagExpression.Parse(expression)).Message.ShouldContain(reason);
}
