using System.Text;

namespace Conformance.Gherkin.Expressions;

/// <summary>
/// A malformed Cucumber Expression. The message points at the offending column, in the wording of
/// the upstream implementations, so users see the same text as in Cucumber-JVM or cucumber-js.
/// </summary>
public class CucumberExpressionException(string message) : Exception(message)
{
    private static string Compose(int index, string expression, string pointer, string problem, string solution) =>
        $"This Cucumber Expression has a problem at column {index + 1}:\n\n{expression}\n{pointer}\n{problem}.\n{solution}";

    private static string PointAt(int index) => new string(' ', index) + "^";

    private static string PointAt(int start, int end)
    {
        var pointer = new StringBuilder(PointAt(start));
        if (start + 1 < end)
        {
            pointer.Append('-', end - start - 2);
            pointer.Append('^');
        }
        return pointer.ToString();
    }

    internal static CucumberExpressionException CantEscape(string expression, int index) => new(Compose(index, expression,
        PointAt(index), "Only the characters '{', '}', '(', ')', '\\', '/' and whitespace can be escaped",
        "If you did mean to use an '\\' you can use '\\\\' to escape it"));

    internal static CucumberExpressionException EndOfLineCannotBeEscaped(string expression)
    {
        var index = expression.EnumerateRunes().Count() - 1;
        return new(Compose(index, expression, PointAt(index), "The end of line can not be escaped",
            "You can use '\\\\' to escape the '\\'"));
    }

    internal static CucumberExpressionException MissingEndToken(string expression, TokenType begin, TokenType end, Token current) =>
        new(Compose(current.Start, expression, PointAt(current.Start),
            $"The '{Token.SymbolOf(begin)}' does not have a matching '{Token.SymbolOf(end)}'",
            $"If you did not intend to use {Token.PurposeOf(begin)} you can use '\\{Token.SymbolOf(begin)}' to escape the {Token.PurposeOf(begin)}"));

    internal static CucumberExpressionException AlternationNotAllowedInOptional(string expression, Token current) =>
        new(Compose(current.Start, expression, PointAt(current.Start), "An alternation can not be used inside an optional",
            "If you did not mean to use an alternation you can use '\\/' to escape the '/'. Otherwise rephrase your expression or consider using a regular expression instead."));

    internal static CucumberExpressionException InvalidParameterTypeName(string expression, Token token) =>
        new(Compose(token.Start, expression, PointAt(token.Start),
            "Parameter names may not contain '{', '}', '(', ')', '\\' or '/'", "Did you mean to use a regular expression?"));

    internal static CucumberExpressionException AlternativeMayNotBeEmpty(string expression, Node node) =>
        new(Compose(node.Start, expression, PointAt(node.Start), "Alternative may not be empty",
            "If you did not mean to use an alternative you can use '\\/' to escape the '/'"));

    internal static CucumberExpressionException AlternativeMayNotExclusivelyContainOptionals(string expression, Node node) =>
        new(Compose(node.Start, expression, PointAt(node.Start, node.End), "An alternative may not exclusively contain optionals",
            "If you did not mean to use an optional you can use '\\(' to escape the '('"));

    internal static CucumberExpressionException OptionalMayNotBeEmpty(string expression, Node node) =>
        new(Compose(node.Start, expression, PointAt(node.Start, node.End), "An optional must contain some text",
            "If you did not mean to use an optional you can use '\\(' to escape the '('"));

    internal static CucumberExpressionException ParameterIsNotAllowedInOptional(string expression, Node node) =>
        new(Compose(node.Start, expression, PointAt(node.Start, node.End), "An optional may not contain a parameter type",
            "If you did not mean to use an parameter type you can use '\\{' to escape the '{'"));

    internal static CucumberExpressionException OptionalIsNotAllowedInOptional(string expression, Node node) =>
        new(Compose(node.Start, expression, PointAt(node.Start, node.End), "An optional may not contain an other optional",
            "If you did not mean to use an optional type you can use '\\(' to escape the '('. For more complicated expressions consider using a regular expression instead."));

    internal static UndefinedParameterTypeException UndefinedParameterType(string expression, Node node, string name) =>
        new(name, Compose(node.Start, expression, PointAt(node.Start, node.End), $"Undefined parameter type '{name}'",
            $"Please register a ParameterType for '{name}'"));
}

/// <summary>A <c>{name}</c> in an expression that no registered parameter type answers to.</summary>
public sealed class UndefinedParameterTypeException(string parameterTypeName, string message) : CucumberExpressionException(message)
{
    public string ParameterTypeName { get; } = parameterTypeName;
}
