using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>The parameter types a run knows: the built-in ones plus any the bindings declare.</summary>
public sealed class ParameterTypeRegistry
{
    private const string IntegerNegative = @"-?\d+";
    private const string IntegerPositive = @"\d+";
    private const string Float = @"(?=.*\d.*)[-+]?\d*(?:\.(?=\d.*))?\d*(?:\d+[E][+-]?\d+)?";
    private const string Word = @"[^\s]+";
    private const string QuotedString = "\"([^\"\\\\]*(\\\\.[^\"\\\\]*)*)\"|'([^'\\\\]*(\\\\.[^'\\\\]*)*)'";
    private const string Anonymous = ".*";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Dictionary<string, ParameterType> byName = new(StringComparer.Ordinal);

    public ParameterTypeRegistry()
    {
        string[] integers = [IntegerNegative, IntegerPositive];
        Define(new ParameterType("int", integers, typeof(int), g => int.Parse(g[0]!, Invariant)));
        Define(new ParameterType("long", integers, typeof(long), g => long.Parse(g[0]!, Invariant), useForSnippets: false));
        Define(new ParameterType("short", integers, typeof(short), g => short.Parse(g[0]!, Invariant), useForSnippets: false));
        Define(new ParameterType("byte", integers, typeof(byte), g => byte.Parse(g[0]!, Invariant), useForSnippets: false));
        Define(new ParameterType("biginteger", integers, typeof(BigInteger), g => BigInteger.Parse(g[0]!, Invariant), useForSnippets: false));
        Define(new ParameterType("float", [Float], typeof(float), g => float.Parse(g[0]!, Invariant)));
        Define(new ParameterType("double", [Float], typeof(double), g => double.Parse(g[0]!, Invariant), useForSnippets: false));
        Define(new ParameterType("decimal", [Float], typeof(decimal), g => decimal.Parse(g[0]!, NumberStyles.Float, Invariant), useForSnippets: false));
        Define(new ParameterType("bigdecimal", [Float], typeof(string), g => g[0], useForSnippets: false));
        Define(new ParameterType("word", [Word], typeof(string), g => g[0], useForSnippets: false));
        Define(new ParameterType("string", [QuotedString], typeof(string), UnquoteString));
        Define(new ParameterType("", [Anonymous], typeof(object), g => g[0], useForSnippets: false, preferForRegexMatch: true));
    }

    public IEnumerable<ParameterType> All => byName.Values;

    public ParameterType? Lookup(string name) => byName.GetValueOrDefault(name);

    /// <summary>Adds a parameter type; a second type with the same name is a user mistake.</summary>
    public void Define(ParameterType type)
    {
        if (!byName.TryAdd(type.Name, type))
            throw new CucumberExpressionException($"There is already a parameter type with name '{type.Name}'.");
        foreach (var regex in type.RegexStrings) _ = new Regex(regex); // fail early on a malformed pattern
    }

    private static object UnquoteString(string?[] groups)
    {
        // One group holds the double-quoted content, the other the single-quoted; only one matched.
        var content = groups.FirstOrDefault(g => g is not null) ?? "";
        return content.Replace("\\\"", "\"").Replace("\\'", "'");
    }
}
