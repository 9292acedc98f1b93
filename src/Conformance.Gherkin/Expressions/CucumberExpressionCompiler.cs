using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>Rewrites a parsed Cucumber Expression into an anchored regular expression.</summary>
internal sealed partial class CucumberExpressionCompiler(string expression, ParameterTypeRegistry registry, List<ParameterType> typesFound)
{
    [GeneratedRegex(@"([\\^\[({$.|?*+})\]])")]
    private static partial Regex RegexSpecialCharacter();

    public string Rewrite(Node node) => node.Type switch
    {
        NodeType.Text => RegexSpecialCharacter().Replace(node.Text, @"\$1"),
        NodeType.Optional => RewriteOptional(node),
        NodeType.Alternation => RewriteAlternation(node),
        NodeType.Alternative => string.Concat(node.Children.Select(Rewrite)),
        NodeType.Parameter => RewriteParameter(node),
        NodeType.Expression => "^" + string.Concat(node.Children.Select(Rewrite)) + "$",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private string RewriteOptional(Node node)
    {
        var parameter = node.Children.FirstOrDefault(n => n.Type == NodeType.Parameter);
        if (parameter is not null) throw CucumberExpressionException.ParameterIsNotAllowedInOptional(expression, parameter);
        var optional = node.Children.FirstOrDefault(n => n.Type == NodeType.Optional);
        if (optional is not null) throw CucumberExpressionException.OptionalIsNotAllowedInOptional(expression, optional);
        if (node.Children.All(n => n.Type != NodeType.Text)) throw CucumberExpressionException.OptionalMayNotBeEmpty(expression, node);
        return "(?:" + string.Concat(node.Children.Select(Rewrite)) + ")?";
    }

    private string RewriteAlternation(Node node)
    {
        foreach (var alternative in node.Children)
        {
            if (alternative.Children.Count == 0) throw CucumberExpressionException.AlternativeMayNotBeEmpty(expression, alternative);
            if (alternative.Children.All(n => n.Type != NodeType.Text))
                throw CucumberExpressionException.AlternativeMayNotExclusivelyContainOptionals(expression, alternative);
        }
        return "(?:" + string.Join("|", node.Children.Select(Rewrite)) + ")";
    }

    private string RewriteParameter(Node node)
    {
        var name = node.Text;
        var type = registry.Lookup(name) ?? throw CucumberExpressionException.UndefinedParameterType(expression, node, name);
        typesFound.Add(type);
        var regexes = type.RegexStrings;
        if (regexes.Count == 1) return "(" + regexes[0] + ")";
        var joined = new StringBuilder("((?:").AppendJoin(")|(?:", regexes).Append("))");
        return joined.ToString();
    }
}
