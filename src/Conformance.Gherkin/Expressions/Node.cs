namespace Conformance.Gherkin.Expressions;

public enum NodeType
{
    Text,
    Optional,
    Alternation,
    Alternative,
    Parameter,
    Expression,
}

/// <summary>A node of a parsed Cucumber Expression; Start and End count code points.</summary>
public sealed record Node(NodeType Type, IReadOnlyList<Node>? Nodes, string? Token, int Start, int End)
{
    public IReadOnlyList<Node> Children => Nodes ?? [];

    /// <summary>The text this node stands for: its token, or its children's text joined.</summary>
    public string Text => Token ?? string.Concat(Children.Select(n => n.Text));
}
