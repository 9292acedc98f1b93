using System.Globalization;
using Conformance.Core.Observation;
using Conformance.Events.Lambda;

namespace Conformance.Engine.Functions;

/// <summary>The result of running a function once.</summary>
internal sealed record FunctionRun(InvocationOutcome Outcome, string Payload);

/// <summary>
/// Runs the programmed behaviour of a function once. A thrown error or a run longer than the
/// timeout is a function error (§2): the payload is the error document, the timeout's message is
/// <c>Task timed out after N.00 seconds</c>.
/// </summary>
internal static class FunctionRunner
{
    public static FunctionRun Run(LambdaFunction function, EngineSettings settings, DateTimeOffset now, string requestId)
    {
        function.Invocations++;
        var behaviour = function.Spec.Behaviour;
        if (behaviour.Duration > function.Spec.Timeout)
        {
            var seconds = function.Spec.Timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            var message = $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {seconds} seconds";
            return new FunctionRun(InvocationOutcome.FunctionError, new InvokeErrorDocument(settings.TimeoutErrorType, message).ToJson());
        }
        if (behaviour.FailsOnInvocation(function.Invocations))
        {
            var error = new InvokeErrorDocument(behaviour.Error.Type, behaviour.Error.Message, []);
            return new FunctionRun(InvocationOutcome.FunctionError, error.ToJson());
        }
        return new FunctionRun(InvocationOutcome.Succeeded, behaviour.ResponseJson);
    }
}
