using System.Reflection;
using Conformance.Gherkin.Expressions;
using Conformance.Gherkin.Tags;

namespace Conformance.Gherkin.Bindings;

/// <summary>Where a binding is declared, for messages and error reports.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A step definition: a method with its compiled pattern.</summary>
public sealed record StepBinding(string Id, MethodInfo Method, StepExpression Expression, SourceLocation Source)
{
    public override string ToString() => $"{Method.DeclaringType?.Name}.{Method.Name} ({Source})";
}

/// <summary>A hook with its tag filter and order; <see cref="Sequence"/> is its declaration order.</summary>
public sealed record HookBinding(string Id, HookKind Kind, MethodInfo Method, string TagSource, TagExpression Tags, int Order, string? Name, SourceLocation Source, int Sequence)
{
    public bool IsBefore => Kind is HookKind.BeforeTestRun or HookKind.BeforeScenario or HookKind.BeforeStep;
}

/// <summary>A parameter type declared with <see cref="StepArgumentTransformationAttribute"/>.</summary>
public sealed record ParameterTypeBinding(string Id, ParameterType Type, SourceLocation Source);

/// <summary>A step pattern that uses a parameter type nobody declared.</summary>
public sealed record UndefinedParameterTypeUse(string Expression, string Name, SourceLocation Source)
{
    public override string ToString() => $"{Source}: the step pattern \"{Expression}\" uses the undefined parameter type {{{Name}}}";
}

/// <summary>A mistake in the bindings, found before any scenario runs.</summary>
public sealed record BindingError(SourceLocation Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
