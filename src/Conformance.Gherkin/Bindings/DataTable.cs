namespace Conformance.Gherkin.Bindings;

/// <summary>A step's data table: the first row is the header.</summary>
public sealed class DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
{
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = rows;

    public IReadOnlyList<string> Header => Rows.Count > 0 ? Rows[0] : [];

    /// <summary>The rows after the header, each as column name → cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Records =>
        Rows.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
}

/// <summary>A step's doc string with its optional media type (```` """json ````).</summary>
public sealed record DocString(string Content, string? MediaType)
{
    public override string ToString() => Content;
}
