namespace Conformance.Core.Resources;

/// <summary>
/// A function as a caller names it in <c>FunctionName</c>: a name (<c>orders</c>), a name with a
/// qualifier (<c>orders:live</c>), a partial ARN (<c>123456789012:function:orders</c>) or a full ARN,
/// with or without a qualifier (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
/// </summary>
/// <param name="Name">The function's name.</param>
/// <param name="Qualifier">The version or alias the name carries, if any.</param>
/// <param name="Prefix">What came before the name (<c>arn:aws:lambda:us-east-1:123456789012:function:</c>), kept to write the reference back in its form.</param>
public readonly record struct FunctionRef(string Name, string? Qualifier, string Prefix = "")
{
    public static FunctionRef Parse(string text)
    {
        var parts = text.Split(':');
        var functionIndex = Array.IndexOf(parts, "function");
        if (functionIndex >= 0 && functionIndex + 1 < parts.Length)
            return new FunctionRef(parts[functionIndex + 1], functionIndex + 2 < parts.Length ? parts[functionIndex + 2] : null,
                string.Join(':', parts[..(functionIndex + 1)]) + ":");
        return new FunctionRef(parts[0], parts.Length > 1 ? parts[1] : null);
    }

    /// <summary>The same reference to another function name (a scenario's function under its deployed name).</summary>
    public FunctionRef Renamed(string name) => this with { Name = name };

    public override string ToString() => $"{Prefix}{Name}{(Qualifier is null ? "" : ":" + Qualifier)}";
}
