using System.Text;

namespace Conformance.Gherkin.Tags;

/// <summary>
/// A Cucumber tag expression such as <c>@sync and not (@slow or @wip)</c>: operators <c>not</c>,
/// <c>and</c>, <c>or</c> (in falling precedence), parentheses, and backslash escapes in tag names.
/// </summary>
public abstract class TagExpression
{
    public abstract bool Evaluate(IReadOnlyCollection<string> tags);

    public static TagExpression Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0) return new TrueExpression();
        var operators = new Stack<string>();
        var operands = new Stack<TagExpression>();
        var expectOperand = true;

        foreach (var token in tokens)
        {
            if (token == "(")
            {
                if (!expectOperand) throw Error(text, "an operator was expected before '('");
                operators.Push(token);
            }
            else if (token == ")")
            {
                if (expectOperand) throw Error(text, "a tag or '(' was expected before ')'");
                while (operators.Count > 0 && operators.Peek() != "(") Apply(text, operators.Pop(), operands);
                if (operators.Count == 0) throw Error(text, "unmatched )");
                operators.Pop();
            }
            else if (token == "not")
            {
                if (!expectOperand) throw Error(text, "an operator was expected before 'not'");
                operators.Push(token);
            }
            else if (token is "and" or "or")
            {
                if (expectOperand) throw Error(text, $"a tag was expected before '{token}'");
                while (operators.Count > 0 && operators.Peek() != "(" && Precedence(operators.Peek()) >= Precedence(token))
                    Apply(text, operators.Pop(), operands);
                operators.Push(token);
                expectOperand = true;
            }
            else
            {
                if (!expectOperand) throw Error(text, $"an operator was expected before '{token}'");
                operands.Push(new TagLiteral(token));
                expectOperand = false;
            }
        }
        if (expectOperand) throw Error(text, "the expression ends with an operator");
        while (operators.Count > 0)
        {
            var op = operators.Pop();
            if (op == "(") throw Error(text, "unmatched (");
            Apply(text, op, operands);
        }
        return operands.Single();
    }

    private static int Precedence(string op) => op switch { "or" => 0, "and" => 1, _ => 2 };

    private static void Apply(string text, string op, Stack<TagExpression> operands)
    {
        if (op == "not")
        {
            operands.Push(new NotExpression(operands.Pop()));
            return;
        }
        if (operands.Count < 2) throw Error(text, $"'{op}' needs two operands");
        var right = operands.Pop();
        var left = operands.Pop();
        operands.Push(op == "and" ? new AndExpression(left, right) : new OrExpression(left, right));
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || !(char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '(' or ')' or '\\'))
                    throw Error(text, $"illegal escape before \"{(i + 1 < text.Length ? text[i + 1] : ' ')}\"");
                current.Append(text[++i]);
            }
            else if (char.IsWhiteSpace(c)) Flush();
            else if (c is '(' or ')')
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else current.Append(c);
        }
        Flush();
        return tokens;
    }

    private static FormatException Error(string text, string problem) =>
        new($"Tag expression \"{text}\" could not be parsed because of syntax error: {problem}.");

    private sealed class TrueExpression : TagExpression
    {
        public override bool Evaluate(IReadOnlyCollection<string> tags) => true;
        public override string ToString() => "true";
    }

    private sealed class TagLiteral(string name) : TagExpression
    {
        public override bool Evaluate(IReadOnlyCollection<string> tags) => tags.Contains(name);
        public override string ToString() => name.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)").Replace(" ", "\\ ");
    }

    private sealed class NotExpression(TagExpression operand) : TagExpression
    {
        public override bool Evaluate(IReadOnlyCollection<string> tags) => !operand.Evaluate(tags);
        public override string ToString() => $"not ( {operand} )";
    }

    private sealed class AndExpression(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Evaluate(IReadOnlyCollection<string> tags) => left.Evaluate(tags) && right.Evaluate(tags);
        public override string ToString() => $"( {left} and {right} )";
    }

    private sealed class OrExpression(TagExpression left, TagExpression right) : TagExpression
    {
        public override bool Evaluate(IReadOnlyCollection<string> tags) => left.Evaluate(tags) || right.Evaluate(tags);
        public override string ToString() => $"( {left} or {right} )";
    }
}
