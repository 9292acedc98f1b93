using System.Globalization;
using Conformance.Gherkin.Expressions;

namespace Conformance.Gherkin.Tests.Expressions;

/// <summary>Every case of the upstream Cucumber Expressions testdata, one test per file.</summary>
public sealed class UpstreamConformanceTests
{
    public static TheoryData<string> TokenizerCases => ExpressionTestData.Files("cucumber-expression/tokenizer");
    public static TheoryData<string> ParserCases => ExpressionTestData.Files("cucumber-expression/parser");
    public static TheoryData<string> TransformationCases => ExpressionTestData.Files("cucumber-expression/transformation");
    public static TheoryData<string> MatchingCases => ExpressionTestData.Files("cucumber-expression/matching");
    public static TheoryData<string> RegexCases => ExpressionTestData.Files("regular-expression/matching");

    [Theory, MemberData(nameof(TokenizerCases))]
    public void Tokenizer_matches_upstream(string file)
    {
        var data = ExpressionTestData.Load("cucumber-expression/tokenizer", file);
        var expression = (string)data["expression"]!;
        if (data.TryGetValue("exception", out var exception))
        {
            Should.Throw<CucumberExpressionException>(() => Tokenizer.Tokenize(expression)).Message.ShouldBe((string)exception!);
            return;
        }
        var expected = ((List<object>)data["expected_tokens"]!).Cast<Dictionary<object, object>>()
            .Select(t => $"{t["type"]} {t["start"]}-{t["end"]} '{t["text"]}'");
        var actual = Tokenizer.Tokenize(expression).Select(t => $"{UpperSnake(t.Type.ToString())} {t.Start}-{t.End} '{t.Text}'");
        actual.ShouldBe(expected);
    }

    [Theory, MemberData(nameof(ParserCases))]
    public void Parser_matches_upstream(string file)
    {
        var data = ExpressionTestData.Load("cucumber-expression/parser", file);
        var expression = (string)data["expression"]!;
        if (data.TryGetValue("exception", out var exception))
        {
            Should.Throw<CucumberExpressionException>(() => Parser.Parse(expression)).Message.ShouldBe((string)exception!);
            return;
        }
        Describe(Parser.Parse(expression)).ShouldBe(Describe((Dictionary<object, object>)data["expected_ast"]!));
    }

    [Theory, MemberData(nameof(TransformationCases))]
    public void Transformation_matches_upstream(string file)
    {
        var data = ExpressionTestData.Load("cucumber-expression/transformation", file);
        var expression = CucumberExpression.Compile((string)data["expression"]!, new ParameterTypeRegistry());
        expression.Regex.ToString().ShouldBe((string)data["expected_regex"]!);
    }

    [Theory, MemberData(nameof(MatchingCases))]
    public void Matching_matches_upstream(string file)
    {
        var data = ExpressionTestData.Load("cucumber-expression/matching", file);
        var source = (string)data["expression"]!;
        if (data.TryGetValue("exception", out var exception))
        {
            Should.Throw<CucumberExpressionException>(() =>
                CucumberExpression.Compile(source, new ParameterTypeRegistry()).Match((string?)data.GetValueOrDefault("text") ?? ""))
                .Message.ShouldBe((string)exception!);
            return;
        }
        var arguments = CucumberExpression.Compile(source, new ParameterTypeRegistry()).Match((string)data["text"]!);
        AssertArguments(arguments, data["expected_args"]);
    }

    [Theory, MemberData(nameof(RegexCases))]
    public void Regular_expressions_match_upstream(string file)
    {
        var data = ExpressionTestData.Load("regular-expression/matching", file);
        var arguments = new RegularExpression((string)data["expression"]!).Match((string)data["text"]!);
        AssertArguments(arguments, data["expected_args"]);
    }

    private static void AssertArguments(IReadOnlyList<ExpressionArgument>? arguments, object? expected)
    {
        if (expected is null)
        {
            arguments.ShouldBeNull();
            return;
        }
        arguments.ShouldNotBeNull();
        var expectedValues = ((List<object?>)expected).Select(v => v as string).ToList();
        var actualValues = arguments.Select(a => Format(a.Value)).ToList();
        actualValues.Count.ShouldBe(expectedValues.Count);
        for (var i = 0; i < expectedValues.Count; i++)
        {
            if (expectedValues[i] is { } e && actualValues[i] is { } a && double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var expectedNumber)
                && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var actualNumber) && !e.Contains('"'))
                actualNumber.ShouldBe(expectedNumber, Math.Abs(expectedNumber) * 1e-6, $"argument {i}");
            else
                actualValues[i].ShouldBe(expectedValues[i], $"argument {i}");
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Describe(Node node)
    {
        var type = UpperSnake(node.Type.ToString()) + "_NODE";
        var children = node.Nodes is null ? "" : "[" + string.Join(",", node.Nodes.Select(Describe)) + "]";
        return $"{type}({node.Start}-{node.End}{(node.Token is null ? "" : $" '{node.Token}'")}){children}";
    }

    private static string Describe(Dictionary<object, object> node)
    {
        var children = node.TryGetValue("nodes", out var nodes) && nodes is List<object> list
            ? "[" + string.Join(",", list.Cast<Dictionary<object, object>>().Select(Describe)) + "]"
            : "";
        var token = node.TryGetValue("token", out var t) ? $" '{t}'" : "";
        return $"{node["type"]}({node["start"]}-{node["end"]}{token}){children}";
    }

    private static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
