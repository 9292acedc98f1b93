using System.Runtime.CompilerServices;

namespace Conformance.Gherkin.Bindings;

/// <summary>Marks a class whose methods are step definitions or hooks. Bindings are global to a run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindingAttribute : Attribute;

/// <summary>
/// Base of the step definition attributes. The pattern is a Cucumber Expression or, when it looks like
/// one (anchors, <c>(.*)</c>, <c>\d+</c>...), a regular expression. The keyword is not part of matching:
/// a <c>[Given]</c> step also matches a <c>Then</c> line, as in Cucumber.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute(string pattern, string file, int line) : Attribute
{
    public string Pattern { get; } = pattern;

    /// <summary>The source file and line of the attribute, filled in by the compiler.</summary>
    public string File { get; } = file;

    public int Line { get; } = line;
}

public sealed class GivenAttribute(string pattern, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : StepDefinitionBaseAttribute(pattern, file, line);

public sealed class WhenAttribute(string pattern, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : StepDefinitionBaseAttribute(pattern, file, line);

public sealed class ThenAttribute(string pattern, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : StepDefinitionBaseAttribute(pattern, file, line);

/// <summary>A step definition for any keyword.</summary>
public sealed class StepDefinitionAttribute(string pattern, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    : StepDefinitionBaseAttribute(pattern, file, line);
