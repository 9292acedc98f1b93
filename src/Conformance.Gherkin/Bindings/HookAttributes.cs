using System.Runtime.CompilerServices;

namespace Conformance.Gherkin.Bindings;

public enum HookKind
{
    BeforeScenario,
    AfterScenario,
}

/// <summary>
/// Base of the hook attributes. <see cref="Tags"/> is a tag expression (e.g. <c>@sqs and not @slow</c>);
/// the hook runs for scenarios it matches, or for all when empty. Lower <see cref="Order"/> runs first.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute(HookKind kind, string tags, string file, int line) : Attribute
{
    public HookKind Kind { get; } = kind;
    public string Tags { get; } = tags;
    public int Order { get; init; } = 10000;

    /// <summary>A name shown in reports, as Cucumber's named hooks.</summary>
    public string? Name { get; init; }

    public string File { get; } = file;
    public int Line { get; } = line;
}

public sealed class BeforeScenarioAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.BeforeScenario, tags, file, line);

public sealed class AfterScenarioAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.AfterScenario, tags, file, line);
