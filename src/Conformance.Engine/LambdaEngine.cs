using System.Text;
using Bogus;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Engine.Destinations;
using Conformance.Engine.Functions;
using Conformance.Engine.Invocation;
using Conformance.Engine.Push;
using Conformance.Events;
using Conformance.Events.Generation;
using Conformance.Core.Resources;

namespace Conformance.Engine;

/// <summary>
/// The reference engine: an in-process model of Lambda's invocation semantics (the Invoke API, synchronous and asynchronous invocation, concurrency,
/// and the push sources S3, API Gateway and EventBridge), on whatever <see cref="TimeProvider"/> it is given (a <see cref="Time.VirtualClock"/>
/// makes hours pass instantly). The same seed gives the same ids, so the same ledger. Callers'
/// mistakes come back as AWS-style errors, never as exceptions.
/// </summary>
public sealed class LambdaEngine : IFunctionInvoker
{
    /// <summary>The caller of the Invoke API, as opposed to a service principal such as <c>s3.amazonaws.com</c>.</summary>
    internal const string DirectCaller = "caller";

    private readonly TimeProvider time;
    private readonly FunctionRegistry registry;
    private readonly InvocationLedger ledger = new();
    private readonly FunctionResolver resolver;
    private readonly ConcurrencyLimiter limiter;
    private readonly DestinationRouter destinations;
    private readonly AsyncInvoker asyncInvoker;

    private readonly ICodeRunner? code;

    /// <param name="time">The clock every wait goes through.</param>
    /// <param name="settings">Lambda's numbers; AWS's by default.</param>
    /// <param name="seed">Seeds the ids.</param>
    /// <param name="code">Runs the functions that have code of their own (a user project's); the probe needs none.</param>
    public LambdaEngine(TimeProvider time, EngineSettings? settings = null, int seed = 0, ICodeRunner? code = null)
    {
        this.time = time;
        this.code = code;
        Settings = settings ?? new EngineSettings();
        Ids = new AwsIdentity(new Randomizer(seed), Settings.Region, Settings.AccountId);
        registry = new FunctionRegistry(Settings, Ids);
        resolver = registry.Resolver;
        limiter = new ConcurrencyLimiter(Settings, () => registry.All);
        // Lambda invokes a destination function with the source function's execution role, not through a resource policy.
        destinations = new DestinationRouter(Settings, Ids, (arn, payload) => Invoke(new InvokeRequest(arn, InvocationType.Event, payload)).StatusCode == 202);
        asyncInvoker = new AsyncInvoker(time, Settings, ledger, limiter, destinations, code);
        var parts = new EngineParts(time, Settings, Ids, this);
        S3 = new S3Notifications(parts);
        ApiGateway = new ApiGatewayIntegrations(parts);
        Schedules = new ScheduleRules(parts);
        Pull = new Pull.PullSources(parts);
    }

    public EngineSettings Settings { get; }

    /// <summary>The engine's source of ids (request ids, message ids, ...), seeded.</summary>
    public AwsIdentity Ids { get; }

    internal TimeProvider Time => time;

    public S3Notifications S3 { get; }
    public ApiGatewayIntegrations ApiGateway { get; }
    public ScheduleRules Schedules { get; }
    public Pull.PullSources Pull { get; }

    public IReadOnlyList<AsyncDiscard> AsyncDiscards => asyncInvoker.Discards;

    /// <summary>What was delivered to a destination, dead-letter queue or topic.</summary>
    public IReadOnlyList<DestinationRecord> DestinationRecords(string arn) => destinations.For(arn);

    /// <summary>Deliveries that failed: unsupported targets such as FIFO queues (the <c>DestinationDeliveryFailures</c> metric).</summary>
    public IReadOnlyList<DestinationRecord> DestinationDeliveryFailures => destinations.Failures;

    public IReadOnlyList<InvocationRecord> Invocations(string functionName) => ledger.For(FunctionRef.Parse(functionName).Name);

    public int TotalInvocations => ledger.Count;

    public void InjectAsyncFaults(string functionName, AsyncFaultPlan faults)
    {
        if (registry.Find(functionName) is { } function) asyncInvoker.Inject(function, faults);
    }

    // ---- Control plane (FunctionRegistry) --------------------------------------------------------

    public ApiResult CreateFunction(FunctionSpec spec) => registry.CreateFunction(spec);

    /// <summary><c>UpdateFunctionConfiguration</c>: changes <c>$LATEST</c> (timeout, behaviour, dead-letter target).</summary>
    public ApiResult UpdateFunction(FunctionSpec spec) => registry.UpdateFunction(spec);

    /// <summary><c>PublishVersion</c>: snapshots <c>$LATEST</c> as the next version number.</summary>
    public (ApiResult Result, string? Version) PublishVersion(string functionName) => registry.PublishVersion(functionName);

    public ApiResult CreateAlias(string functionName, string alias, string version) => registry.CreateAlias(functionName, alias, version);

    public ApiResult AddPermission(string functionName, PermissionStatement statement) => registry.AddPermission(functionName, statement);

    public ApiResult RemovePermission(string functionName, string statementId) => registry.RemovePermission(functionName, statementId);

    public ApiResult PutFunctionConcurrency(string functionName, int reserved) => registry.PutFunctionConcurrency(functionName, reserved);

    public ApiResult DeleteFunctionConcurrency(string functionName) => registry.DeleteFunctionConcurrency(functionName);

    public ApiResult PutFunctionEventInvokeConfig(string functionName, EventInvokeConfig config) => registry.PutFunctionEventInvokeConfig(functionName, config);

    // ---- Invoke ------------------------------------------------------------------------------------

    /// <summary>
    /// <c>Invoke</c> (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html): 200 with the function's response for RequestResponse, even when the
    /// function fails (then with <c>X-Amz-Function-Error</c> and the error document); 202 for Event; 204
    /// for DryRun; 404 for an unknown function or qualifier; 413 above the payload limit; 400 for a
    /// payload that is not JSON; 429 with a <c>Reason</c> when concurrency is exhausted.
    /// </summary>
    public InvokeResponse Invoke(InvokeRequest request) => Invoke(request, DirectCaller, null);

    /// <param name="request">The invocation as the caller sent it.</param>
    /// <param name="principal">Who invokes: the caller, or a service checked against the function's policy.</param>
    /// <param name="sourceArn">The resource a service invokes for, checked against the policy's source ARN.</param>
    internal InvokeResponse Invoke(InvokeRequest request, string principal, string? sourceArn)
    {
        var requestId = Ids.Uuid();
        var (target, error) = resolver.Resolve(request.FunctionName, request.Qualifier);
        if (target is null) return AwsErrors.Rejected(error!, requestId);
        if (principal != DirectCaller && !target.Function.Allows(principal, sourceArn, target.Qualifier))
            return AwsErrors.Rejected(403, requestId, "AccessDeniedException",
                $"User: {principal} is not authorized to perform: lambda:InvokeFunction on resource: {target.QualifiedArn} because no resource-based policy allows the lambda:InvokeFunction action");

        var size = Encoding.UTF8.GetByteCount(request.Payload);
        if (size > (request.Type == InvocationType.Event ? Settings.AsyncPayloadLimitBytes : LargestSyncPayloadBytes))
            return TooLarge(requestId, size, request.Type);
        if (!EventJson.IsValidJson(request.Payload))
            return AwsErrors.Rejected(400, requestId, "InvalidRequestContentException", "Could not parse request body into json: Could not parse payload into json");

        switch (request.Type)
        {
            case InvocationType.DryRun:
                return new InvokeResponse(204, requestId, null);
            case InvocationType.Event:
                asyncInvoker.Accept(target, requestId, request.Payload, principal);
                return new InvokeResponse(202, requestId, null);
        }

        return RunSynchronously(target, requestId, LazyPayload.Of(request.Payload), request.TailLog);
    }

    private int LargestSyncPayloadBytes => Settings.SyncPayloadLimitAcceptsItsOwnSize ? Settings.SyncPayloadLimitBytes : Settings.SyncPayloadLimitBytes - 1;

    /// <summary>
    /// A request over its invocation type's limit, as AWS refuses it: an oversized synchronous request as
    /// any oversized Lambda API request (413 <c>RequestEntityTooLargeException</c>, "Request must be smaller
    /// than N bytes for the X operation", the form recorded for CreateFunction in localstack/localstack at
    /// 8b9a79f0, tests/aws/services/lambda_/test_lambda_api.snapshot.json,
    /// TestLambdaSizeLimits::test_oversized_request_create_lambda, 2025-11-25, and reported word for word
    /// for InvokeFunction: github.com/pelmers/streetwarp-web/issues/14, github.com/JupiterOne/sdk/issues/565); an oversized event with the
    /// Invoke reference's <c>RequestTooLargeException</c> and the size and limit in its message.
    /// </summary>
    private InvokeResponse TooLarge(string requestId, int size, InvocationType type) => type == InvocationType.Event
        ? AwsErrors.Rejected(413, requestId, "RequestTooLargeException",
            $"{size} byte payload is too large for the Event invocation type (limit {Settings.AsyncPayloadLimitBytes} bytes)")
        : AwsErrors.Rejected(413, requestId, "RequestEntityTooLargeException",
            $"Request must be smaller than {Settings.SyncPayloadLimitBytes} bytes for the InvokeFunction operation");

    /// <summary>Runs the function once and records it in the ledger, the event kept lazy: it is rendered when something reads it.</summary>
    private InvokeResponse RunSynchronously(ResolvedFunction target, string requestId, LazyPayload payload, bool tailLog)
    {
        var now = time.GetUtcNow();
        var spec = target.Function.SpecFor(target.Version);
        var throttle = limiter.TryStart(target.Function, now, spec.RunTime);
        if (throttle is not null) return AwsErrors.Rejected(429, requestId, "TooManyRequestsException", "Rate Exceeded.", throttle);

        var run = FunctionRunner.Run(target.Function, spec, target.Version, Settings, now, requestId, payload, code);
        ledger.Add(new InvocationRecord(now, target.Function.Name, requestId, () => payload.Text, run.Outcome, run.Payload) { ExecutedVersion = target.Version });
        return new InvokeResponse(200, requestId, run.Payload)
        {
            FunctionError = run.Outcome == InvocationOutcome.FunctionError ? Settings.FunctionErrorHeader : null,
            ExecutedVersion = target.Version,
            LogResult = tailLog ? FunctionRunner.Tail(run.Log, Settings.LogTailBytes) : null,
        };
    }

    /// <summary>An invocation by an AWS service on a function's resource-based policy.</summary>
    public InvokeResponse InvokeAsService(string principal, string? sourceArn, string functionName, string payload, InvocationType type = InvocationType.Event) =>
        Invoke(new InvokeRequest(functionName, type, payload), principal, sourceArn);

    /// <summary>
    /// A synchronous invocation by an event source mapping's poller (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html: pollers invoke synchronously,
    /// with the function's execution role, so no resource policy applies), and how long it runs. The
    /// batch is the engine's own JSON, so it is not parsed again, and it stays unrendered unless read.
    /// </summary>
    public (InvokeResponse Response, TimeSpan Duration) InvokeForMapping(string functionName, LazyPayload payload)
    {
        var requestId = Ids.Uuid();
        var (target, error) = resolver.Resolve(functionName, null);
        var response = target is null ? AwsErrors.Rejected(error!, requestId)
            : !payload.FitsIn(LargestSyncPayloadBytes) ? TooLarge(requestId, payload.ByteCount, InvocationType.RequestResponse)
            : RunSynchronously(target, requestId, payload, tailLog: false);
        return (response, response.StatusCode == 200 ? RunDuration(functionName) ?? TimeSpan.Zero : TimeSpan.Zero);
    }

    public void DeliverToDestination(string arn, string body, DateTimeOffset now) => destinations.DeliverRaw(arn, body, now);

    /// <summary>The duration the function named would run for, to compare with an integration timeout.</summary>
    public TimeSpan? RunDuration(string functionName)
    {
        var (target, _) = resolver.Resolve(functionName, null);
        if (target is null) return null;
        return target.Function.SpecFor(target.Version).RunTime;
    }

    public TimeSpan? FunctionTimeout(string functionName) =>
        resolver.Resolve(functionName, null).Function is { } target ? target.Function.SpecFor(target.Version).Timeout : null;

    public bool FunctionExists(string functionName) => resolver.Resolve(functionName, null).Function is not null;

    public bool Allows(string functionName, string principal, string? sourceArn)
    {
        var (target, _) = resolver.Resolve(functionName, null);
        return target is not null && target.Function.Allows(principal, sourceArn, target.Qualifier);
    }
}
