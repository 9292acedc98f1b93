using System.Text;

namespace Conformance.Gherkin.Expressions;

public enum TokenType
{
    StartOfLine,
    EndOfLine,
    WhiteSpace,
    BeginOptional,
    EndOptional,
    BeginParameter,
    EndParameter,
    Alternation,
    Text,
}

/// <summary>A token of a Cucumber Expression; positions count Unicode code points.</summary>
public sealed record Token(TokenType Type, string Text, int Start, int End)
{
    public static bool IsEscapeCharacter(Rune r) => r.Value == '\\';

    public static bool CanEscape(Rune r) =>
        Rune.IsWhiteSpace(r) || r.Value is '\\' or '(' or ')' or '{' or '}' or '/';

    public static TokenType TypeOf(Rune r)
    {
        if (Rune.IsWhiteSpace(r)) return TokenType.WhiteSpace;
        return r.Value switch
        {
            '(' => TokenType.BeginOptional,
            ')' => TokenType.EndOptional,
            '{' => TokenType.BeginParameter,
            '}' => TokenType.EndParameter,
            '/' => TokenType.Alternation,
            _ => TokenType.Text,
        };
    }

    public static string SymbolOf(TokenType type) => type switch
    {
        TokenType.BeginOptional => "(",
        TokenType.EndOptional => ")",
        TokenType.BeginParameter => "{",
        TokenType.EndParameter => "}",
        TokenType.Alternation => "/",
        _ => "",
    };

    public static string PurposeOf(TokenType type) => type switch
    {
        TokenType.BeginOptional or TokenType.EndOptional => "optional text",
        TokenType.BeginParameter or TokenType.EndParameter => "a parameter",
        TokenType.Alternation => "alternation",
        _ => "",
    };
}
