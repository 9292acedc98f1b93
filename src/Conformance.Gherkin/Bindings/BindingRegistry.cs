using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Gherkin.Expressions;
using Conformance.Gherkin.Tags;

namespace Conformance.Gherkin.Bindings;

/// <summary>
/// Every step definition and hook found on <c>[Binding]</c> classes, compiled once per run. Mistakes
/// (malformed patterns, unknown parameter types, duplicates, bad tag expressions) are collected in
/// <see cref="Errors"/> with their source location instead of being thrown.
/// </summary>
public sealed class BindingRegistry
{
    private readonly List<StepBinding> steps = [];
    private readonly List<HookBinding> hooks = [];
    private readonly List<BindingError> errors = [];

    private BindingRegistry(ParameterTypeRegistry parameterTypes) => ParameterTypes = parameterTypes;

    public ParameterTypeRegistry ParameterTypes { get; }
    public IReadOnlyList<StepBinding> Steps => steps;
    public IReadOnlyList<HookBinding> Hooks => hooks;
    public IReadOnlyList<BindingError> Errors => errors;

    public static BindingRegistry FromAssemblies(Func<string> newId, params Assembly[] assemblies) =>
        FromTypes(newId, assemblies.SelectMany(a => a.GetTypes()));

    public static BindingRegistry FromTypes(Func<string> newId, IEnumerable<Type> types)
    {
        var registry = new BindingRegistry(new ParameterTypeRegistry());
        var factory = new ExpressionFactory(registry.ParameterTypes);
        var bindingTypes = types.Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in bindingTypes)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(flags).OrderBy(m => m.MetadataToken))
            {
                foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
                    registry.AddStep(newId, factory, method, attribute);
                foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
                    registry.AddHook(newId, method, attribute);
            }
        }
        return registry;
    }

    private void AddStep(Func<string> newId, ExpressionFactory factory, MethodInfo method, StepDefinitionBaseAttribute attribute)
    {
        var source = new SourceLocation(RelativeSourcePath(attribute.File), attribute.Line);
        StepExpression expression;
        try
        {
            expression = factory.Create(attribute.Pattern);
        }
        catch (Exception ex) when (ex is CucumberExpressionException or RegexParseException)
        {
            errors.Add(new BindingError(source, $"the step pattern \"{attribute.Pattern}\" of {Describe(method)} is not valid: {ex.Message}"));
            return;
        }

        var duplicate = steps.FirstOrDefault(s => s.Expression.Source == attribute.Pattern);
        if (duplicate is not null)
        {
            errors.Add(new BindingError(source, $"the step pattern \"{attribute.Pattern}\" of {Describe(method)} is already defined by {duplicate}"));
            return;
        }

        if (expression is CucumberExpression cucumber)
        {
            var parameters = method.GetParameters().Length;
            var expected = cucumber.ParameterTypes.Count;
            if (parameters != expected && parameters != expected + 1)
            {
                errors.Add(new BindingError(source,
                    $"{Describe(method)} takes {parameters} parameter(s) but \"{attribute.Pattern}\" supplies {expected} (plus an optional data table or doc string)"));
                return;
            }
        }
        steps.Add(new StepBinding(newId(), method, expression, source));
    }

    private void AddHook(Func<string> newId, MethodInfo method, HookAttribute attribute)
    {
        var source = new SourceLocation(RelativeSourcePath(attribute.File), attribute.Line);
        try
        {
            var tags = TagExpression.Parse(attribute.Tags);
            hooks.Add(new HookBinding(newId(), attribute.Kind, method, attribute.Tags, tags, attribute.Order, attribute.Name, source));
        }
        catch (FormatException ex)
        {
            errors.Add(new BindingError(source, $"the hook {Describe(method)} has a malformed tag expression: {ex.Message}"));
        }
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>Shortens a compile-time path to the part from <c>src/</c> or <c>tests/</c> on.</summary>
    public static string RelativeSourcePath(string file)
    {
        var normalized = file.Replace('\\', '/');
        foreach (var marker in new[] { "/src/", "/tests/" })
        {
            var at = normalized.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) return normalized[(at + 1)..];
        }
        return Path.GetFileName(normalized);
    }
}
