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

/// <summary>A scenario hook with its tag filter and order.</summary>
public sealed record HookBinding(string Id, HookKind Kind, MethodInfo Method, string TagSource, TagExpression Tags, int Order, string? Name, SourceLocation Source);

/// <summary>A mistake in the bindings, found before any scenario runs.</summary>
public sealed record BindingError(SourceLocation Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
