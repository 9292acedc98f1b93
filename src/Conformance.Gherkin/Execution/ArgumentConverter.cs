using System.Globalization;
using Conformance.Gherkin.Bindings;
using PickleDocString = Io.Cucumber.Messages.Types.PickleDocString;
using PickleTable = Io.Cucumber.Messages.Types.PickleTable;

namespace Conformance.Gherkin.Execution;

/// <summary>Turns captured values and step arguments into the types a step method declares.</summary>
public static class ArgumentConverter
{
    public static object? Convert(object? value, Type target, BindingRegistry? bindings = null)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        if (underlying.IsInstanceOfType(value)) return value;
        if (value is DocString docString && underlying == typeof(string)) return docString.Content;
        if (value is string text)
        {
            // A step argument transformation to the wanted type applies when its regex matches the text.
            var custom = bindings?.CustomParameterTypeFor(underlying);
            if (custom is not null)
            {
                var match = System.Text.RegularExpressions.Regex.Match(text, $"^(?:{custom.RegexStrings[0]})$");
                if (match.Success)
                    return custom.Transform(match.Groups.Count > 1 ? match.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).Select(g => g.Success ? g.Value : null).ToArray() : [text]);
            }
            if (underlying.IsEnum) return Enum.Parse(underlying, text.Replace(" ", ""), ignoreCase: true);
            if (underlying == typeof(TimeSpan)) return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            if (underlying == typeof(Guid)) return Guid.Parse(text);
            if (underlying == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture);
        }
        return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
    }

    public static DataTable ToDataTable(PickleTable table) =>
        new(table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList());

    public static DocString ToDocString(PickleDocString docString) =>
        new(docString.Content, string.IsNullOrEmpty(docString.MediaType) ? null : docString.MediaType);
}
