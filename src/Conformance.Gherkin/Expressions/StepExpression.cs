using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>One argument of a matched step: its capture group and, for Cucumber Expressions, its type.</summary>
public sealed record ExpressionArgument(MatchGroup Group, ParameterType? ParameterType)
{
    public object? Value => ParameterType is null ? Group.Value : ParameterType.Transform(Group.Values);
}

/// <summary>A compiled step pattern: a Cucumber Expression or a regular expression.</summary>
public abstract class StepExpression
{
    protected StepExpression(string source, Regex regex)
    {
        Source = source;
        Regex = regex;
        Groups = new GroupTree(regex.ToString());
    }

    public string Source { get; }
    public Regex Regex { get; }
    public abstract bool IsCucumberExpression { get; }
    private GroupTree Groups { get; }

    /// <summary>The arguments when <paramref name="text"/> matches, otherwise null.</summary>
    public IReadOnlyList<ExpressionArgument>? Match(string text)
    {
        var match = Regex.Match(text);
        if (!match.Success) return null;
        var groups = Groups.TopLevelGroups(match);
        return groups.Select((g, i) => new ExpressionArgument(g, ParameterTypeAt(i))).ToList();
    }

    protected abstract ParameterType? ParameterTypeAt(int index);
}

public sealed class RegularExpression(string source) : StepExpression(source, new Regex(Anchor(source), RegexOptions.CultureInvariant))
{
    public override bool IsCucumberExpression => false;

    protected override ParameterType? ParameterTypeAt(int index) => null;

    // Step patterns match the whole step text, as in Reqnroll.
    private static string Anchor(string pattern) =>
        (pattern.StartsWith('^') ? "" : "^") + pattern + (pattern.EndsWith('$') ? "" : "$");
}

public sealed class CucumberExpression : StepExpression
{
    private readonly IReadOnlyList<ParameterType> parameterTypes;

    private CucumberExpression(string source, string regex, IReadOnlyList<ParameterType> types)
        : base(source, new Regex(regex, RegexOptions.CultureInvariant)) => parameterTypes = types;

    public override bool IsCucumberExpression => true;
    public IReadOnlyList<ParameterType> ParameterTypes => parameterTypes;

    protected override ParameterType? ParameterTypeAt(int index) => parameterTypes[index];

    public static CucumberExpression Compile(string expression, ParameterTypeRegistry registry)
    {
        var types = new List<ParameterType>();
        var regex = new CucumberExpressionCompiler(expression, registry, types).Rewrite(Parser.Parse(expression));
        return new CucumberExpression(expression, regex, types);
    }
}
