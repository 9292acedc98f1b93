namespace Conformance.Gherkin.Bindings;

/// <summary>A step's data table: <see cref="Raw"/> holds every row; for most helpers the first row is the header.</summary>
public sealed class DataTable(IReadOnlyList<IReadOnlyList<string>> rows)
{
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = rows;

    /// <summary>Every row, header included, as in Cucumber's <c>raw()</c>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Raw => Rows;

    public IReadOnlyList<string> Header => Rows.Count > 0 ? Rows[0] : [];

    /// <summary>The rows after the header, each as column name → cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Records =>
        Rows.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)Header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();

    /// <summary>Rows become columns.</summary>
    public DataTable Transpose()
    {
        var width = Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);
        return new DataTable(Enumerable.Range(0, width)
            .Select(c => (IReadOnlyList<string>)Rows.Select(r => c < r.Count ? r[c] : "").ToList()).ToList());
    }
}

/// <summary>A step's doc string with its optional media type (```` """json ````).</summary>
public sealed record DocString(string Content, string? MediaType)
{
    public override string ToString() => Content;
}
