using System.Text;
using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>Suggests a C# step definition for an undefined step, turning numbers and quoted text into parameters.</summary>
public static partial class SnippetGenerator
{
    [GeneratedRegex("\"[^\"]*\"|'[^']*'|-?\\d+\\.\\d+|-?\\d+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NonIdentifier();

    public static string Generate(PickleStep step)
    {
        var attribute = step.Type switch
        {
            PickleStepType.CONTEXT => "Given",
            PickleStepType.ACTION => "When",
            PickleStepType.OUTCOME => "Then",
            _ => "StepDefinition",
        };
        var parameters = new List<string>();
        var expression = Parameter().Replace(EscapeExpression(step.Text), match =>
        {
            var (type, placeholder) = match.Value[0] is '"' or '\'' ? ("string", "{string}")
                : match.Value.Contains('.') ? ("double", "{float}") : ("int", "{int}");
            parameters.Add($"{type} p{parameters.Count}");
            return placeholder;
        });
        if (step.Argument?.DocString is not null) parameters.Add("string docString");
        if (step.Argument?.DataTable is not null) parameters.Add("DataTable table");

        var words = NonIdentifier().Split(Parameter().Replace(step.Text, " ")).Where(w => w.Length > 0);
        var name = attribute + string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var code = new StringBuilder()
            .Append('[').Append(attribute).Append("(\"").Append(expression.Replace("\\", "\\\\").Replace("\"", "\\\"")).AppendLine("\")]")
            .Append("public void ").Append(name).Append('(').AppendJoin(", ", parameters).AppendLine(")")
            .AppendLine("{")
            .AppendLine("    throw new PendingStepException();")
            .Append('}');
        return code.ToString();
    }

    // Characters with a meaning in Cucumber Expressions are escaped so the snippet matches the text.
    private static string EscapeExpression(string text) =>
        text.Replace("\\", "\\\\").Replace("(", "\\(").Replace("{", "\\{").Replace("/", "\\/");
}
