using System.Reflection;
using Conformance.Gherkin.Execution;

namespace Conformance.Gherkin.Bindings;

/// <summary>
/// Helpers familiar to Reqnroll users for turning tables into objects and checking objects against
/// tables. Column headers match properties ignoring case and spaces (<c>Batch size</c> → <c>BatchSize</c>).
/// </summary>
public static class DataTableExtensions
{
    /// <summary>
    /// One object from a table that is either vertical (a <c>| Field | Value |</c> header, then one row
    /// per property) or horizontal (a header row and one data row).
    /// </summary>
    public static T CreateInstance<T>(this DataTable table) where T : new()
    {
        var isVertical = table.Header.Count == 2
            && table.Header[0].Equals("Field", StringComparison.OrdinalIgnoreCase)
            && table.Header[1].Equals("Value", StringComparison.OrdinalIgnoreCase);
        var values = isVertical
            ? table.Rows.Skip(1).ToDictionary(r => r[0], r => r[1])
            : table.Records.Single().ToDictionary(p => p.Key, p => p.Value);
        return Fill<T>(values);
    }

    /// <summary>One object per data row.</summary>
    public static IReadOnlyList<T> CreateSet<T>(this DataTable table) where T : new() =>
        table.Records.Select(r => Fill<T>(r)).ToList();

    /// <summary>
    /// Checks that <paramref name="actual"/> holds exactly the rows of the table (in any order),
    /// comparing only the table's columns; throws with every missing and unexpected row otherwise.
    /// </summary>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> actual)
    {
        var properties = table.Header.Select(h => (Header: h, Property: PropertyFor(typeof(T), h))).ToList();
        var actualRows = actual.Select(item => properties.Select(p => Format(p.Property.GetValue(item))).ToList()).ToList();
        var expectedRows = table.Rows.Skip(1).Select(r => r.ToList()).ToList();

        var unmatched = actualRows.ToList();
        var missing = new List<List<string>>();
        foreach (var expected in expectedRows)
        {
            var found = unmatched.FindIndex(a => a.SequenceEqual(expected));
            if (found >= 0) unmatched.RemoveAt(found);
            else missing.Add(expected);
        }
        if (missing.Count == 0 && unmatched.Count == 0) return;

        var header = "| " + string.Join(" | ", table.Header) + " |";
        var lines = missing.Select(r => "- | " + string.Join(" | ", r) + " |").Concat(unmatched.Select(r => "+ | " + string.Join(" | ", r) + " |"));
        throw new DataTableComparisonException($"The set differs from the table (- expected but missing, + present but not expected):\n  {header}\n{string.Join("\n", lines)}");
    }

    private static T Fill<T>(IEnumerable<KeyValuePair<string, string>> values) where T : new()
    {
        var instance = new T();
        foreach (var (header, text) in values)
        {
            var property = PropertyFor(typeof(T), header);
            property.SetValue(instance, ArgumentConverter.Convert(text, property.PropertyType));
        }
        return instance;
    }

    private static PropertyInfo PropertyFor(Type type, string header)
    {
        var name = header.Replace(" ", "");
        return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new DataTableComparisonException($"The column '{header}' matches no property of {type.Name}.");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A table that does not match the objects it was compared with, or a column no property answers to.</summary>
public sealed class DataTableComparisonException(string message) : Exception(message);
