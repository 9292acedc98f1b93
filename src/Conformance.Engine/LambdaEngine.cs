using System.Text.RegularExpressions;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Engine.Functions;
using Conformance.Engine.Invocation;
using Conformance.Events;

namespace Conformance.Engine;

/// <summary>
/// The reference engine: an in-process model of Lambda's invocation semantics, on whatever
/// <see cref="TimeProvider"/> it is given (a <see cref="Time.VirtualClock"/> for instant runs).
/// Callers' mistakes come back as AWS-style errors, never as exceptions.
/// </summary>
public sealed partial class LambdaEngine
{
    private readonly TimeProvider time;
    private readonly EngineSettings settings;
    private readonly RequestIds requestIds;
    private readonly Dictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
    private readonly InvocationLedger ledger = new();
    private readonly AsyncInvoker asyncInvoker;

    public LambdaEngine(TimeProvider time, EngineSettings? settings = null, int seed = 0)
    {
        this.time = time;
        this.settings = settings ?? new EngineSettings();
        requestIds = new RequestIds(seed);
        asyncInvoker = new AsyncInvoker(time, this.settings, ledger);
    }

    public EngineSettings Settings => settings;

    public IReadOnlyList<AsyncDiscard> AsyncDiscards => asyncInvoker.Discards;

    // Function names: letters, digits, hyphens and underscores, 1–64 characters (API_CreateFunction).
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    public ApiResult CreateFunction(FunctionSpec spec)
    {
        if (!FunctionNamePattern().IsMatch(spec.Name))
            return ApiResult.InvalidParameter($"1 validation error detected: Value '{spec.Name}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length less than or equal to 64");
        var timeoutSeconds = spec.Timeout.TotalSeconds;
        if (timeoutSeconds < 1 || timeoutSeconds > settings.MaximumTimeoutSeconds)
            return ApiResult.InvalidParameter($"1 validation error detected: Value '{timeoutSeconds}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and {settings.MaximumTimeoutSeconds}");
        if (functions.ContainsKey(spec.Name))
            return new ApiResult(409, "ResourceConflictException", $"Function already exist: {spec.Name}");
        functions[spec.Name] = new LambdaFunction(spec, settings);
        return new ApiResult(201);
    }

    /// <summary><c>PutFunctionEventInvokeConfig</c>: retries 0–2 and event age 60–21,600 s (§4.1).</summary>
    public ApiResult PutFunctionEventInvokeConfig(string functionName, EventInvokeConfig config)
    {
        if (!functions.TryGetValue(BaseName(functionName), out var function)) return FunctionNotFound(functionName);
        if (config.MaximumRetryAttempts is < 0 or > 2)
            return ApiResult.InvalidParameter($"1 validation error detected: Value '{config.MaximumRetryAttempts}' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
        if (config.MaximumEventAgeInSeconds is < 60 or > 21_600)
            return ApiResult.InvalidParameter($"1 validation error detected: Value '{config.MaximumEventAgeInSeconds}' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 and 21600");
        // Put replaces the whole configuration: omitted settings return to their defaults (§4.1).
        function.MaximumRetryAttempts = config.MaximumRetryAttempts ?? settings.DefaultMaximumRetryAttempts;
        function.MaximumEventAgeInSeconds = config.MaximumEventAgeInSeconds ?? settings.DefaultMaximumEventAgeInSeconds;
        return ApiResult.Ok;
    }

    /// <summary>
    /// <c>Invoke</c> (§1, §3): 200 with the function's response for RequestResponse, even when the
    /// function fails (then with <c>X-Amz-Function-Error</c> and the error document); 202 for Event;
    /// 204 for DryRun; 400 for a payload that is not JSON; 404 for an unknown function.
    /// </summary>
    public InvokeResponse Invoke(InvokeRequest request)
    {
        var requestId = requestIds.Next();
        if (!functions.TryGetValue(BaseName(request.FunctionName), out var function))
            return Rejected(404, requestId, "ResourceNotFoundException", FunctionNotFound(request.FunctionName).Message!);
        if (!EventJson.IsValidJson(request.Payload))
            return Rejected(400, requestId, "InvalidRequestContentException", "Could not parse request body into json: Could not parse payload into json");

        switch (request.Type)
        {
            case InvocationType.DryRun:
                return new InvokeResponse(204, requestId, null);
            case InvocationType.Event:
                asyncInvoker.Accept(function, requestId, request.Payload);
                return new InvokeResponse(202, requestId, null);
            default:
                var now = time.GetUtcNow();
                var run = FunctionRunner.Run(function, settings, now, requestId);
                ledger.Add(new InvocationRecord(now, function.Name, requestId, request.Payload, run.Outcome, run.Payload));
                return new InvokeResponse(200, requestId, run.Payload)
                {
                    FunctionError = run.Outcome == InvocationOutcome.FunctionError ? settings.FunctionErrorHeader : null,
                    ExecutedVersion = "$LATEST",
                };
        }
    }

    public IReadOnlyList<InvocationRecord> Invocations(string functionName) => ledger.For(BaseName(functionName));

    private ApiResult FunctionNotFound(string name) =>
        ApiResult.NotFound($"Function not found: arn:aws:lambda:{settings.Region}:{settings.AccountId}:function:{BaseName(name)}");

    private static InvokeResponse Rejected(int status, string requestId, string type, string message) =>
        new(status, requestId, $"{{\"Type\":\"User\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message)}}}") { ErrorType = type };

    /// <summary>The function name from a name, <c>name:qualifier</c>, or a (partial) ARN.</summary>
    private static string BaseName(string name)
    {
        var parts = name.Split(':');
        var functionIndex = Array.IndexOf(parts, "function");
        if (functionIndex >= 0 && functionIndex + 1 < parts.Length) return parts[functionIndex + 1];
        return parts[0];
    }
}
