using Conformance.Core.Invocation;
using Conformance.Engine.Invocation;
using Conformance.Events.Generation;

namespace Conformance.Engine;

/// <summary>
/// What the engine's parts (event sources, pollers, integrations) need from the rest of Lambda: the
/// functions, invoked and looked up by name. The parts see this narrow port, never the engine.
/// </summary>
public interface IFunctionInvoker : IMappingInvoker
{
    /// <summary>An invocation by an AWS service on the function's resource-based policy.</summary>
    InvokeResponse InvokeAsService(string principal, string? sourceArn, string functionName, string payload, InvocationType type = InvocationType.Event);

    /// <summary>How long the function would run: its behaviour's duration, cut at its timeout.</summary>
    TimeSpan? RunDuration(string functionName);

    TimeSpan? FunctionTimeout(string functionName);

    bool FunctionExists(string functionName);

    /// <summary>Whether the function's resource-based policy lets <paramref name="principal"/> invoke it for <paramref name="sourceArn"/>.</summary>
    bool Allows(string functionName, string principal, string? sourceArn);

    /// <summary>Sends a record to a destination (a stream mapping's on-failure destination).</summary>
    void DeliverToDestination(string arn, string body, DateTimeOffset now);
}

/// <summary>The one call a mapping's batch sender makes: the narrowest port of the engine.</summary>
public interface IMappingInvoker
{
    /// <summary>A synchronous invocation by an event source mapping's poller, and how long it ran.</summary>
    (InvokeResponse Response, TimeSpan Duration) InvokeForMapping(string functionName, LazyPayload payload);
}

/// <summary>What every part of the engine is given: the clock, the settings, the ids and the functions.</summary>
public sealed record EngineParts(TimeProvider Time, EngineSettings Settings, AwsIdentity Ids, IFunctionInvoker Functions);
