namespace Conformance.Core.Functions;

/// <summary>A function to create on a target: its name, configuration and programmed behaviour.</summary>
public sealed record FunctionSpec(string Name, FunctionBehaviour Behaviour)
{
    /// <summary>The function's timeout (Lambda allows 1 to 900 seconds; 3 seconds by default).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The function's dead-letter queue or topic for failed async events (<c>DeadLetterConfig.TargetArn</c>).</summary>
    public string? DeadLetterTargetArn { get; init; }

    /// <summary>The user's own code, when the function is one a project declares; null for the probe.</summary>
    public FunctionCode? Code { get; init; }

    /// <summary>How long an invocation runs: the behaviour's duration, cut at the timeout.</summary>
    public TimeSpan RunTime => Behaviour.Duration < Timeout ? Behaviour.Duration : Timeout;
}

/// <summary>
/// Asynchronous invocation settings (<c>PutFunctionEventInvokeConfig</c>). Null fields keep the
/// defaults: 2 retries, 21,600 seconds of event age, no destinations. <see cref="Qualifier"/> scopes the
/// configuration to a version or alias (unqualified means <c>$LATEST</c>).
/// </summary>
public sealed record EventInvokeConfig(
    int? MaximumRetryAttempts = null,
    int? MaximumEventAgeInSeconds = null,
    string? OnSuccessDestination = null,
    string? OnFailureDestination = null,
    string? Qualifier = null);

/// <summary>A statement of a function's resource-based policy (<c>AddPermission</c>).</summary>
public sealed record PermissionStatement(string StatementId, string Principal, string? SourceArn = null, string Action = "lambda:InvokeFunction", string? Qualifier = null);
