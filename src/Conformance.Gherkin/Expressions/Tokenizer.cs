using System.Text;

namespace Conformance.Gherkin.Expressions;

/// <summary>Splits a Cucumber Expression into tokens, resolving backslash escapes.</summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string expression)
    {
        var runes = expression.EnumerateRunes().ToArray();
        var tokens = new List<Token>();
        var buffer = new StringBuilder();
        var bufferLength = 0; // in code points
        var previousType = TokenType.StartOfLine;
        var treatAsText = false;
        var escaped = 0;
        var bufferStart = 0;

        Token Flush(TokenType type)
        {
            var escapeTokens = 0;
            if (type == TokenType.Text)
            {
                escapeTokens = escaped;
                escaped = 0;
            }
            var consumed = bufferStart + bufferLength + escapeTokens;
            var token = new Token(type, buffer.ToString(), bufferStart, consumed);
            buffer.Clear();
            bufferLength = 0;
            bufferStart = consumed;
            return token;
        }

        if (runes.Length == 0) tokens.Add(new Token(TokenType.StartOfLine, "", 0, 0));

        foreach (var rune in runes)
        {
            if (!treatAsText && Token.IsEscapeCharacter(rune))
            {
                escaped++;
                treatAsText = true;
                continue;
            }

            TokenType currentType;
            if (!treatAsText) currentType = Token.TypeOf(rune);
            else if (Token.CanEscape(rune)) currentType = TokenType.Text;
            else throw CucumberExpressionException.CantEscape(expression, bufferStart + bufferLength + escaped);
            treatAsText = false;

            var startsNewToken = currentType != previousType
                || (currentType != TokenType.WhiteSpace && currentType != TokenType.Text);
            if (startsNewToken) tokens.Add(Flush(previousType));
            previousType = currentType;
            buffer.Append(rune.ToString());
            bufferLength++;
        }

        if (bufferLength > 0) tokens.Add(Flush(previousType));
        if (treatAsText) throw CucumberExpressionException.EndOfLineCannotBeEscaped(expression);
        tokens.Add(new Token(TokenType.EndOfLine, "", runes.Length, runes.Length));
        return tokens;
    }
}
