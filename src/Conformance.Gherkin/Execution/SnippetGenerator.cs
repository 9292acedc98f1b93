using System.Text;
using System.Text.RegularExpressions;
using Conformance.Gherkin.Expressions;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>Suggests C# step definitions for an undefined step, one per expression Cucumber would suggest.</summary>
public static partial class SnippetGenerator
{
    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonIdentifier();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> Generate(PickleStep step, ParameterTypeRegistry registry)
    {
        var attribute = step.Type switch
        {
            PickleStepType.CONTEXT => "Given",
            PickleStepType.ACTION => "When",
            PickleStepType.OUTCOME => "Then",
            _ => "StepDefinition",
        };
        return ExpressionGenerator.Generate(step.Text, registry).Select(expression =>
        {
            var parameters = expression.ParameterTypes.Select((t, i) => $"{CSharpName(t.Type)} p{i}").ToList();
            if (step.Argument?.DocString is not null) parameters.Add("string docString");
            if (step.Argument?.DataTable is not null) parameters.Add("DataTable table");
            var words = NonIdentifier().Split(Placeholder().Replace(expression.Source, " ")).Where(w => w.Length > 0);
            var name = attribute + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            return new StringBuilder()
                .Append('[').Append(attribute).Append("(\"").Append(expression.Source.Replace("\\", "\\\\").Replace("\"", "\\\"")).AppendLine("\")]")
                .Append("public void ").Append(name).Append('(').AppendJoin(", ", parameters).AppendLine(")")
                .AppendLine("{")
                .AppendLine("    throw new PendingStepException();")
                .Append('}').ToString();
        }).ToList();
    }

    private static string CSharpName(Type type) => type == typeof(int) ? "int"
        : type == typeof(float) ? "float"
        : type == typeof(double) ? "double"
        : type == typeof(string) ? "string"
        : type == typeof(object) ? "object"
        : type.Name;
}
