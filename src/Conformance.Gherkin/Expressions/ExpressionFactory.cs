using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>
/// Turns a step pattern into an expression, telling regexes from Cucumber Expressions the way
/// Reqnroll does: anchors (<c>^</c>, <c>$</c>) mean a regex; a <c>{name}</c> placeholder means a
/// Cucumber Expression; otherwise common regex idioms (<c>(.*)</c>, <c>\d+</c>, <c>[...]</c>) mean a regex.
/// </summary>
public sealed partial class ExpressionFactory(ParameterTypeRegistry registry)
{
    [GeneratedRegex(@"\{\w*\}")]
    private static partial Regex ParameterPlaceholder();

    [GeneratedRegex(@"\.\*|\.\+|\\[dDwWsS.]|\[[^\]]*\]|\(\?[:=!<]|\|")]
    private static partial Regex RegexIdiom();

    public ParameterTypeRegistry Registry => registry;

    public static bool LooksLikeRegex(string pattern)
    {
        if (pattern.StartsWith('^') || pattern.EndsWith('$')) return true;
        if (ParameterPlaceholder().IsMatch(pattern)) return false;
        return RegexIdiom().IsMatch(pattern);
    }

    public StepExpression Create(string pattern) =>
        LooksLikeRegex(pattern) ? new RegularExpression(pattern) : CucumberExpression.Compile(pattern, registry);
}
