namespace Conformance.Gherkin.Expressions;

/// <summary>
/// Recursive-descent parser for Cucumber Expressions, following the grammar of the reference
/// implementation:
/// <code>
/// cucumber-expression := ( alternation | optional | parameter | text )*
/// alternation := (?&lt;=left-boundary) alternative* ( '/' alternative* )+ (?=right-boundary)
/// left-boundary := whitespace | } | ^      right-boundary := whitespace | { | $
/// alternative := optional | parameter | text
/// optional := '(' option* ')'              option := optional | parameter | text
/// parameter := '{' name* '}'               name := whitespace | .
/// text := whitespace | ')' | '}' | .
/// </code>
/// </summary>
public static class Parser
{
    private delegate (int Consumed, List<Node> Ast) SubParser(string expression, IReadOnlyList<Token> tokens, int current);

    private static readonly (int, List<Node>) Nothing = (0, []);

    public static Node Parse(string expression)
    {
        var tokens = Tokenizer.Tokenize(expression);
        return ParseExpression(expression, tokens, 0).Ast[0];
    }

    private static (int, List<Node>) ParseText(string expression, IReadOnlyList<Token> tokens, int current)
    {
        var token = tokens[current];
        return token.Type switch
        {
            TokenType.WhiteSpace or TokenType.Text or TokenType.EndParameter or TokenType.EndOptional =>
                (1, [new Node(NodeType.Text, null, token.Text, token.Start, token.End)]),
            TokenType.Alternation => throw CucumberExpressionException.AlternationNotAllowedInOptional(expression, token),
            _ => Nothing,
        };
    }

    private static (int, List<Node>) ParseName(string expression, IReadOnlyList<Token> tokens, int current)
    {
        var token = tokens[current];
        return token.Type switch
        {
            TokenType.WhiteSpace or TokenType.Text => (1, [new Node(NodeType.Text, null, token.Text, token.Start, token.End)]),
            TokenType.BeginOptional or TokenType.EndOptional or TokenType.BeginParameter or TokenType.EndParameter or TokenType.Alternation =>
                throw CucumberExpressionException.InvalidParameterTypeName(expression, token),
            _ => Nothing,
        };
    }

    private static readonly SubParser ParseParameter =
        Between(NodeType.Parameter, TokenType.BeginParameter, TokenType.EndParameter, () => [ParseName]);

    private static readonly SubParser ParseOptional =
        Between(NodeType.Optional, TokenType.BeginOptional, TokenType.EndOptional, () => [ParseOptional!, ParseParameter, ParseText]);

    private static (int, List<Node>) ParseAlternativeSeparator(string expression, IReadOnlyList<Token> tokens, int current)
    {
        if (!LookingAt(tokens, current, TokenType.Alternation)) return Nothing;
        var token = tokens[current];
        return (1, [new Node(NodeType.Alternative, null, token.Text, token.Start, token.End)]);
    }

    private static readonly SubParser[] AlternativeParsers = [ParseAlternativeSeparator, ParseOptional, ParseParameter, ParseText];

    private static (int, List<Node>) ParseAlternation(string expression, IReadOnlyList<Token> tokens, int current)
    {
        if (!LookingAtAny(tokens, current - 1, TokenType.StartOfLine, TokenType.WhiteSpace, TokenType.EndParameter)) return Nothing;

        var (consumed, ast) = ParseUntil(expression, AlternativeParsers, tokens, current,
            [TokenType.WhiteSpace, TokenType.EndOfLine, TokenType.BeginParameter]);
        if (!ast.Any(n => n.Type == NodeType.Alternative)) return Nothing;

        var start = tokens[current].Start;
        var end = tokens[current + consumed].Start;
        // The right-hand boundary token is not consumed.
        return (consumed, [new Node(NodeType.Alternation, SplitAlternatives(start, end, ast), null, start, end)]);
    }

    private static readonly SubParser ParseExpression =
        Between(NodeType.Expression, TokenType.StartOfLine, TokenType.EndOfLine, () => [ParseAlternation, ParseOptional, ParseParameter, ParseText]);

    private static SubParser Between(NodeType type, TokenType begin, TokenType end, Func<SubParser[]> parsers) =>
        (expression, tokens, current) =>
        {
            if (!LookingAt(tokens, current, begin)) return Nothing;
            var subCurrent = current + 1;
            var (consumed, ast) = ParseUntil(expression, parsers(), tokens, subCurrent, [end, TokenType.EndOfLine]);
            subCurrent += consumed;
            if (!LookingAt(tokens, subCurrent, end))
                throw CucumberExpressionException.MissingEndToken(expression, begin, end, tokens[current]);
            var node = new Node(type, ast, null, tokens[current].Start, tokens[subCurrent].End);
            return (subCurrent + 1 - current, [node]);
        };

    private static (int Consumed, List<Node> Ast) ParseUntil(
        string expression, SubParser[] parsers, IReadOnlyList<Token> tokens, int startAt, TokenType[] endTokens)
    {
        var current = startAt;
        var ast = new List<Node>();
        while (current < tokens.Count && !LookingAtAny(tokens, current, endTokens))
        {
            var (consumed, nodes) = ParseToken(expression, parsers, tokens, current);
            current += consumed;
            ast.AddRange(nodes);
        }
        return (current - startAt, ast);
    }

    private static (int, List<Node>) ParseToken(string expression, SubParser[] parsers, IReadOnlyList<Token> tokens, int startAt)
    {
        foreach (var parse in parsers)
        {
            var result = parse(expression, tokens, startAt);
            if (result.Consumed != 0) return result;
        }
        // Unreachable with the grammar above; kept so a grammar mistake cannot loop forever.
        throw new InvalidOperationException($"No parser accepts the token at {tokens[startAt].Start} of '{expression}'.");
    }

    private static bool LookingAtAny(IReadOnlyList<Token> tokens, int at, params TokenType[] types) =>
        types.Any(t => LookingAt(tokens, at, t));

    private static bool LookingAt(IReadOnlyList<Token> tokens, int at, TokenType type)
    {
        if (at < 0) return type == TokenType.StartOfLine;
        if (at >= tokens.Count) return type == TokenType.EndOfLine;
        return tokens[at].Type == type;
    }

    private static List<Node> SplitAlternatives(int start, int end, List<Node> alternation)
    {
        var separators = new List<Node>();
        var alternatives = new List<List<Node>>();
        var alternative = new List<Node>();
        foreach (var node in alternation)
        {
            if (node.Type == NodeType.Alternative)
            {
                separators.Add(node);
                alternatives.Add(alternative);
                alternative = [];
            }
            else alternative.Add(node);
        }
        alternatives.Add(alternative);

        var result = new List<Node>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var from = i == 0 ? start : separators[i - 1].End;
            var to = i == alternatives.Count - 1 ? end : separators[i].Start;
            result.Add(new Node(NodeType.Alternative, alternatives[i], null, from, to));
        }
        return result;
    }
}
