using Conformance.Core.Functions;

namespace Conformance.Engine.Functions;

/// <summary>
/// The engine's port to a user's own code (<see cref="FunctionSpec.Code"/>): runs one invocation for
/// real and says how it ended. Lambda's side (which invocation, when, what a result means) stays in
/// the engine on its clock; the runner only carries the event to the code and the answer back.
/// </summary>
public interface ICodeRunner
{
    CodeRun Run(CodeInvocation invocation);
}

/// <summary>One invocation of user code.</summary>
/// <param name="Spec">The function's configuration, its code included.</param>
/// <param name="FunctionArn">The ARN it was invoked by (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</param>
/// <param name="Version">The version that runs.</param>
/// <param name="RequestId">The request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</param>
/// <param name="Payload">The event, as JSON.</param>
/// <param name="Start">When the invocation starts on the engine's clock.</param>
/// <param name="BusyFor">How long the engine holds the execution environment busy on its clock, from <paramref name="Start"/>.</param>
public sealed record CodeInvocation(FunctionSpec Spec, string FunctionArn, string Version, string RequestId, string Payload, DateTimeOffset Start, TimeSpan BusyFor);

public enum CodeOutcome
{
    Succeeded,

    /// <summary>The code reported an error (<c>/error</c> or <c>/init/error</c>), or its process ended before answering.</summary>
    FunctionError,

    /// <summary>The code did not answer within the function's timeout; its process was stopped.</summary>
    TimedOut,
}

/// <summary>How an invocation of user code ended: the response, or the error document the runtime reported.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Payload">The response, or the error document (for a timeout, whatever the engine replaces).</param>
/// <param name="Duration">How long the code really ran.</param>
/// <param name="LogLines">What the code wrote to its output during the invocation.</param>
public sealed record CodeRun(CodeOutcome Outcome, string Payload, TimeSpan Duration, IReadOnlyList<string> LogLines);
