using System.Reflection;
using System.Text.RegularExpressions;
using Conformance.Gherkin.Expressions;
using Conformance.Gherkin.Tags;

namespace Conformance.Gherkin.Bindings;

/// <summary>
/// Every step definition, hook and custom parameter type found on <c>[Binding]</c> classes, compiled
/// once per run. Mistakes (malformed patterns, duplicates, bad tag expressions, methods that cannot
/// be bound) are collected in <see cref="Errors"/>, and patterns using unknown parameter types in
/// <see cref="UndefinedParameterTypes"/>, each with its source location, instead of being thrown.
/// </summary>
public sealed class BindingRegistry
{
    private const BindingFlags Methods = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly List<StepBinding> steps = [];
    private readonly List<HookBinding> hooks = [];
    private readonly List<ParameterTypeBinding> parameterTypes = [];
    private readonly List<UndefinedParameterTypeUse> undefinedParameterTypes = [];
    private readonly List<BindingError> errors = [];
    private readonly Func<string> newId;

    private BindingRegistry(Func<string> newId) => this.newId = newId;

    public ParameterTypeRegistry ParameterTypes { get; } = new();
    public IReadOnlyList<StepBinding> Steps => steps;
    public IReadOnlyList<HookBinding> Hooks => hooks;
    public IReadOnlyList<ParameterTypeBinding> CustomParameterTypes => parameterTypes;
    public IReadOnlyList<UndefinedParameterTypeUse> UndefinedParameterTypes => undefinedParameterTypes;
    public IReadOnlyList<BindingError> Errors => errors;

    public static BindingRegistry FromAssemblies(Func<string> newId, params Assembly[] assemblies) =>
        FromTypes(newId, assemblies.SelectMany(a => a.GetTypes()));

    public static BindingRegistry FromTypes(Func<string> newId, IEnumerable<Type> types)
    {
        var registry = new BindingRegistry(newId);
        var methods = types.Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetMethods(Methods).OrderBy(m => m.MetadataToken))
            .ToList();

        // Parameter types first: step patterns anywhere may use them.
        foreach (var method in methods)
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
                registry.AddParameterType(method, attribute);

        var factory = new ExpressionFactory(registry.ParameterTypes);
        foreach (var method in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
                registry.AddStep(factory, method, attribute);
            foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
                registry.AddHook(method, attribute);
        }
        return registry;
    }

    /// <summary>The custom parameter type whose values have <paramref name="type"/>, if any.</summary>
    public ParameterType? CustomParameterTypeFor(Type type) => parameterTypes.FirstOrDefault(p => p.Type.Type == type)?.Type;

    private void AddParameterType(MethodInfo method, StepArgumentTransformationAttribute attribute)
    {
        var source = Location(attribute.File, attribute.Line);
        Regex regex;
        try
        {
            regex = new Regex(attribute.Regex);
        }
        catch (RegexParseException ex)
        {
            errors.Add(new BindingError(source, $"the transformation {Describe(method)} has a malformed regex \"{attribute.Regex}\": {ex.Message}"));
            return;
        }
        var groups = Math.Max(1, regex.GetGroupNumbers().Length - 1);
        var parameters = method.GetParameters();
        if (parameters.Length != groups || parameters.Any(p => p.ParameterType != typeof(string)))
        {
            errors.Add(new BindingError(source, $"the transformation {Describe(method)} must take {groups} string parameter(s), one per capture group of \"{attribute.Regex}\""));
            return;
        }
        if (!method.IsStatic && method.DeclaringType!.GetConstructor(Type.EmptyTypes) is null)
        {
            errors.Add(new BindingError(source, $"the transformation {Describe(method)} must be static or on a class with a public parameterless constructor"));
            return;
        }

        var name = attribute.Name ?? method.ReturnType.Name;
        var type = new ParameterType(name, [attribute.Regex], method.ReturnType, values => Transform(method, values),
            attribute.UseForSnippets, attribute.PreferForRegexMatch);
        try
        {
            ParameterTypes.Define(type);
            parameterTypes.Add(new ParameterTypeBinding(newId(), type, source));
        }
        catch (CucumberExpressionException ex)
        {
            errors.Add(new BindingError(source, ex.Message));
        }
    }

    private static object? Transform(MethodInfo method, string?[] values)
    {
        var target = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!);
        try
        {
            return method.Invoke(target, values.Cast<object?>().ToArray());
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private void AddStep(ExpressionFactory factory, MethodInfo method, StepDefinitionBaseAttribute attribute)
    {
        var source = Location(attribute.File, attribute.Line);
        StepExpression expression;
        try
        {
            expression = factory.Create(attribute.Pattern);
        }
        catch (UndefinedParameterTypeException ex)
        {
            undefinedParameterTypes.Add(new UndefinedParameterTypeUse(attribute.Pattern, ex.ParameterTypeName, source));
            return;
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

        var parameters = method.GetParameters().Length;
        var captured = expression is CucumberExpression cucumber ? cucumber.ParameterTypes.Count : expression.Regex.GetGroupNumbers().Length - 1;
        if (expression is CucumberExpression && parameters != captured && parameters != captured + 1)
        {
            errors.Add(new BindingError(source,
                $"{Describe(method)} takes {parameters} parameter(s) but \"{attribute.Pattern}\" supplies {captured} (plus an optional data table or doc string)"));
            return;
        }
        var unbindable = UnbindableParameter(method, expression as CucumberExpression);
        if (unbindable is not null)
        {
            errors.Add(new BindingError(source, $"{Describe(method)} cannot be bound: {unbindable}"));
            return;
        }
        steps.Add(new StepBinding(newId(), method, expression, source));
    }

    /// <summary>Why a step method's parameters cannot receive what its pattern captures, or null.</summary>
    private string? UnbindableParameter(MethodInfo method, CucumberExpression? expression)
    {
        var parameters = method.GetParameters();
        var captured = expression?.ParameterTypes.Count ?? parameters.Length;
        for (var i = 0; i < parameters.Length; i++)
        {
            var target = parameters[i].ParameterType;
            if (i >= captured)
            {
                if (target != typeof(string) && target != typeof(DocString) && target != typeof(DataTable) && target != typeof(object))
                    return $"its last parameter '{parameters[i].Name}' receives the doc string or data table, so it must be string, DocString or DataTable, not {target.Name}";
                continue;
            }
            var produced = expression is null ? typeof(string) : expression.ParameterTypes[i].Type;
            if (!CanConvert(produced == typeof(object) ? typeof(string) : produced, target))
                return $"parameter '{parameters[i].Name}' is {target.Name}, which a {(expression is null ? "captured text" : "{" + expression.ParameterTypes[i].Name + "}")} cannot be turned into";
        }
        return null;
    }

    private bool CanConvert(Type from, Type to)
    {
        var target = Nullable.GetUnderlyingType(to) ?? to;
        if (target.IsAssignableFrom(from) || target == typeof(object)) return true;
        if (CustomParameterTypeFor(target) is not null) return from == typeof(string);
        if (from == typeof(string))
            return target.IsEnum || target == typeof(TimeSpan) || target == typeof(Guid) || typeof(IConvertible).IsAssignableFrom(target);
        return typeof(IConvertible).IsAssignableFrom(from) && typeof(IConvertible).IsAssignableFrom(target);
    }

    private void AddHook(MethodInfo method, HookAttribute attribute)
    {
        var source = Location(attribute.File, attribute.Line);
        if (attribute.Kind is HookKind.BeforeTestRun or HookKind.AfterTestRun && !method.IsStatic)
        {
            errors.Add(new BindingError(source, $"the test run hook {Describe(method)} must be static: it runs outside any scenario"));
            return;
        }
        try
        {
            var tags = TagExpression.Parse(attribute.Tags);
            hooks.Add(new HookBinding(newId(), attribute.Kind, method, attribute.Tags, tags, attribute.Order, attribute.Name, source, hooks.Count));
        }
        catch (FormatException ex)
        {
            errors.Add(new BindingError(source, $"the hook {Describe(method)} has a malformed tag expression: {ex.Message}"));
        }
    }

    /// <summary>The hooks of one kind that apply to <paramref name="tags"/>, in the order they run.</summary>
    public IEnumerable<HookBinding> HooksFor(HookKind kind, IReadOnlyCollection<string> tags)
    {
        var matching = hooks.Where(h => h.Kind == kind && h.Tags.Evaluate(tags));
        return IsBefore(kind)
            ? matching.OrderBy(h => h.Order).ThenBy(h => h.Sequence)
            : matching.OrderBy(h => h.Order).ThenByDescending(h => h.Sequence);
    }

    private static bool IsBefore(HookKind kind) => kind is HookKind.BeforeTestRun or HookKind.BeforeScenario or HookKind.BeforeStep;

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";

    private static SourceLocation Location(string file, int line) => new(RelativeSourcePath(file), line);

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
