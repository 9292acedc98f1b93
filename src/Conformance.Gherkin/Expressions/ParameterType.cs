namespace Conformance.Gherkin.Expressions;

/// <summary>
/// A named parameter type usable as <c>{Name}</c> in a Cucumber Expression. <see cref="Transform"/>
/// receives the values of the parameter's capture groups (the inner groups if the regex has any,
/// otherwise the whole match) and returns the argument passed to the step method.
/// </summary>
public sealed class ParameterType(
    string name,
    IReadOnlyList<string> regexStrings,
    Type type,
    Func<string?[], object?> transform,
    bool useForSnippets = true,
    bool preferForRegexMatch = false)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> RegexStrings { get; } = regexStrings;
    public Type Type { get; } = type;
    public Func<string?[], object?> Transform { get; } = transform;
    public bool UseForSnippets { get; } = useForSnippets;
    public bool PreferForRegexMatch { get; } = preferForRegexMatch;
}
