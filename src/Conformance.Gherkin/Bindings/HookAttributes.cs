using System.Runtime.CompilerServices;

namespace Conformance.Gherkin.Bindings;

public enum HookKind
{
    BeforeTestRun,
    AfterTestRun,
    BeforeScenario,
    AfterScenario,
    BeforeStep,
    AfterStep,
}

/// <summary>
/// Base of the hook attributes. <see cref="Tags"/> is a tag expression (e.g. <c>@sqs and not @slow</c>);
/// the hook runs for scenarios it matches, or for all when empty. Lower <see cref="Order"/> runs
/// first; among hooks of equal order, before-hooks run in declaration order and after-hooks in
/// reverse declaration order, as in Cucumber.
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

/// <summary>Runs once before any scenario. The method must be static.</summary>
public sealed class BeforeTestRunAttribute([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.BeforeTestRun, "", file, line);

/// <summary>Runs once after every scenario. The method must be static.</summary>
public sealed class AfterTestRunAttribute([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.AfterTestRun, "", file, line);

public sealed class BeforeScenarioAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.BeforeScenario, tags, file, line);

public sealed class AfterScenarioAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.AfterScenario, tags, file, line);

public sealed class BeforeStepAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.BeforeStep, tags, file, line);

public sealed class AfterStepAttribute(string tags = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : HookAttribute(HookKind.AfterStep, tags, file, line);

/// <summary>
/// Declares a custom parameter type: the method turns the regex's capture groups (or the whole match)
/// into a value, usable as <c>{Name}</c> in Cucumber Expressions and for step parameters of the
/// method's return type. <see cref="Name"/> defaults to the return type's name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute(string regex, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) : Attribute
{
    public string Regex { get; } = regex;
    public string? Name { get; init; }
    public bool UseForSnippets { get; init; } = true;
    public bool PreferForRegexMatch { get; init; }
    public string File { get; } = file;
    public int Line { get; } = line;
}
