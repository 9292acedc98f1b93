namespace Conformance.Core.Functions;

/// <summary>
/// A user's own function code, run as Lambda runs it: a handler in a folder, under a runtime, with
/// its memory size and environment variables (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html).
/// A function without code is the kit's probe, whose behaviour the scenario programs.
/// </summary>
/// <param name="Directory">The folder that holds the code (the function's <c>LAMBDA_TASK_ROOT</c>), absolute.</param>
/// <param name="Handler">The handler setting: <c>file.export</c> for Node.js; what the <c>bootstrap</c> reads for custom runtimes.</param>
/// <param name="Runtime">The runtime identifier (<c>nodejs20.x</c>, <c>provided.al2023</c>, <c>python3.12</c>, ...).</param>
public sealed record FunctionCode(string Directory, string Handler, string Runtime)
{
    /// <summary>Lambda's default memory size, 128 MB.</summary>
    public int MemorySize { get; init; } = 128;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool IsNode => Runtime.StartsWith("nodejs", StringComparison.Ordinal);

    public bool IsCustom => Runtime.StartsWith("provided", StringComparison.Ordinal);

    public bool IsPython => Runtime.StartsWith("python", StringComparison.Ordinal);
}

/// <summary>A function a user project declares (<c>conformance.json</c>'s <c>functions</c>), by name.</summary>
public sealed record DeclaredFunction(string Name, FunctionCode Code, TimeSpan Timeout);

/// <summary>
/// The functions of the user project a run belongs to; empty for the kit's own corpus. The steps'
/// <c>Given the function "orders"</c> looks the name up here.
/// </summary>
public sealed class DeclaredFunctions
{
    private readonly Dictionary<string, DeclaredFunction> functions = new(StringComparer.Ordinal);

    public static DeclaredFunctions Of(IEnumerable<DeclaredFunction> functions)
    {
        var declared = new DeclaredFunctions();
        foreach (var function in functions) declared.functions.Add(function.Name, function);
        return declared;
    }

    public IReadOnlyCollection<DeclaredFunction> All => functions.Values;

    public DeclaredFunction? Find(string name) => functions.GetValueOrDefault(name);
}
