using System.Reflection;
using System.Runtime.ExceptionServices;
using Conformance.Gherkin.Bindings;
using Io.Cucumber.Messages.Types;

namespace Conformance.Gherkin.Execution;

/// <summary>Calls step definitions and hooks with their arguments, and awaits them if they are async.</summary>
internal static class StepInvoker
{
    /// <summary>Calls a step definition with the captured values (plus a doc string or data table).</summary>
    public static Task InvokeStepAsync(MethodInfo method, ScenarioContainer container, IReadOnlyList<object?> values, BindingRegistry bindings)
    {
        var parameters = method.GetParameters();
        if (parameters.Length != values.Count)
            throw new StepBindingException(
                $"{method.DeclaringType?.Name}.{method.Name} takes {parameters.Length} parameter(s) but the step supplies {values.Count}.");

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            try
            {
                arguments[i] = ArgumentConverter.Convert(values[i], parameters[i].ParameterType, bindings);
            }
            catch (System.Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                throw new StepBindingException(
                    $"The value '{values[i]}' cannot be converted to {parameters[i].ParameterType.Name} for parameter '{parameters[i].Name}' of {method.DeclaringType?.Name}.{method.Name}: {ex.Message}");
            }
        }
        return CallAsync(method, container, arguments);
    }

    /// <summary>Calls a hook; each of its parameters is taken from the container (e.g. <see cref="ScenarioInfo"/>).</summary>
    public static Task InvokeHookAsync(MethodInfo method, ScenarioContainer container) =>
        CallAsync(method, container, method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray());

    private static async Task CallAsync(MethodInfo method, ScenarioContainer container, object?[] arguments)
    {
        var target = method.IsStatic ? null : container.Resolve(method.DeclaringType!);
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        switch (returned)
        {
            case Task task: await task; break;
            case ValueTask valueTask: await valueTask; break;
        }
    }

    /// <summary>The status and message Cucumber reports for an exception thrown by a step or hook.</summary>
    public static (TestStepResultStatus Status, string Message, Io.Cucumber.Messages.Types.Exception? Exception) Classify(System.Exception ex) => ex switch
    {
        PendingStepException pending => (TestStepResultStatus.PENDING, ex.Message, pending.Explicit ? Describe(ex) : null),
        SkippedStepException skipped => (TestStepResultStatus.SKIPPED, ex.Message, skipped.Explicit ? Describe(ex) : null),
        // What the system under test lacks (a target without versions, say) is reported apart from a failure:
        // skipped, as unsupported, so the host can count it as a gap rather than a wrong answer.
        NotSupportedException => (TestStepResultStatus.SKIPPED, ScenarioResult.UnsupportedPrefix + ex.Message, Describe(ex)),
        _ => (TestStepResultStatus.FAILED, ex.Message, Describe(ex)),
    };

    private static Io.Cucumber.Messages.Types.Exception Describe(System.Exception ex) => new(ex.GetType().FullName, ex.Message, ex.ToString());
}

/// <summary>A step definition that cannot be called with what the step supplies.</summary>
public sealed class StepBindingException(string message) : System.Exception(message);
