using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>A Cucumber Expression suggested for a step text, with the parameter types it uses.</summary>
public sealed record GeneratedExpression(string Source, IReadOnlyList<ParameterType> ParameterTypes);

/// <summary>
/// Suggests Cucumber Expressions for an undefined step, as Cucumber's expression generator does:
/// scanning left to right, the earliest and then longest whole-word match of any snippet parameter
/// type becomes a parameter; when several types match the same text (e.g. <c>8</c> is an
/// <c>{int}</c> and a <c>{float}</c>), every combination is suggested.
/// </summary>
public static partial class ExpressionGenerator
{
    [GeneratedRegex(@"[\p{Z}\p{P}\p{S}]")]
    private static partial Regex Boundary();

    public static IReadOnlyList<GeneratedExpression> Generate(string text, ParameterTypeRegistry registry)
    {
        var candidates = registry.All.Where(t => t.UseForSnippets)
            .SelectMany(t => t.RegexStrings.Select(r => (Type: t, Regex: new Regex(r))))
            .ToList();
        var template = new StringBuilder();
        var combinations = new List<List<ParameterType>>();
        var position = 0;
        while (position < text.Length)
        {
            var matches = candidates
                .Select(c => (c.Type, Match: FindWholeWord(c.Regex, text, position)))
                .Where(m => m.Match is not null)
                .ToList();
            if (matches.Count == 0) break;
            var best = matches.OrderBy(m => m.Match!.Index).ThenByDescending(m => m.Match!.Length).First().Match!;
            var types = matches.Where(m => m.Match!.Index == best.Index && m.Match.Length == best.Length)
                .Select(m => m.Type).Distinct()
                .OrderByDescending(t => t.PreferForRegexMatch)
                .ToList();
            combinations.Add(types);
            template.Append(Escape(text[position..best.Index])).Append('\0');
            position = best.Index + best.Length;
        }
        template.Append(Escape(text[position..]));

        var parts = template.ToString().Split('\0');
        var results = new List<GeneratedExpression> { new(parts[0], []) };
        for (var i = 0; i < combinations.Count; i++)
            results = results.SelectMany(r => combinations[i].Select(t =>
                new GeneratedExpression(r.Source + "{" + t.Name + "}" + parts[i + 1], [.. r.ParameterTypes, t]))).ToList();
        return results;
    }

    private static Match? FindWholeWord(Regex regex, string text, int from)
    {
        for (var start = from; start < text.Length; start++)
        {
            var match = regex.Match(text, start);
            if (!match.Success) return null;
            start = match.Index;
            var startsWord = start == 0 || Boundary().IsMatch(text[start - 1].ToString());
            var end = start + match.Length;
            var endsWord = end == text.Length || Boundary().IsMatch(text[end].ToString());
            if (match.Length > 0 && startsWord && endsWord) return match;
        }
        return null;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("(", "\\(").Replace("{", "\\{").Replace("/", "\\/");
}
