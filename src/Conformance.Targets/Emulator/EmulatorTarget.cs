using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Resources;
using Conformance.Core.Targets;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Emulator;

/// <summary>
/// One scenario on the local emulator stack: its functions run as the probe in a serverless-offline
/// process of its own (a <see cref="ServerlessSession"/>, started when the scenario first acts, restarted
/// when its configuration changes); its queues, streams and tables are a <see cref="ScenarioResources"/>
/// on the shared servers, under names prefixed with the scenario's service name; its settings, API
/// routes, schedules and mappings go into the configuration (<see cref="ServerlessConfiguration"/>). It implements only the facets the stack has; a part of one
/// it lacks (SNS and EventBridge destinations, a qualifier) throws <see cref="NotSupportedException"/>,
/// reported as unsupported.
/// </summary>
/// <remarks>
/// No S3 facet: s3rver has no notification configuration (it answers PutBucketNotificationConfiguration
/// with 501 Not Implemented), so no S3 event could reach a function. No versions or aliases:
/// serverless-offline runs $LATEST only. No fault injection: no real target injects faults on demand.
/// </remarks>
public sealed class EmulatorTarget : RealTarget, ITarget, IReservedConcurrency, IAsyncSettings, IDestinations,
    IApiGatewaySource, IScheduleSource, IEventSourceMappings
{
    private readonly EmulatorStack stack;
    private readonly ServerlessService service;
    private readonly ServerlessSession session;
    private readonly ServerlessConfiguration configuration;
    private readonly ScenarioLedgers ledgers;

    internal EmulatorTarget(EmulatorStack stack, int scenarioNumber)
    {
        this.stack = stack;
        service = new ServerlessService($"c{scenarioNumber}");
        var directory = Path.Combine(stack.WorkDirectory, service.Name);
        session = new ServerlessSession("serverless-offline", service, () => stack.Lost,
            cancellation => ServerlessOffline.LaunchAsync(stack, service, directory, cancellation));
        Resources = new ScenarioResources(new ResourceServices(Physical, stack.QueueArn, service.Name, stack.Queues, stack.Kinesis, stack.Tables,
            BeforeActing: async cancellation => await session.EnsureStartedAsync(cancellation)));
        configuration = new ServerlessConfiguration(session, Flavour);
        ledgers = new ScenarioLedgers(service, service.DeployedName); // serverless-offline's context.functionName
    }

    public string Name => "emulator";

    public TargetCapabilities Traits => DeclaredTraits;

    public TargetCapabilities Capabilities => Declared;

    /// <summary>
    /// What the emulator does that no facet tells. No dead-letter queues: serverless takes only an SNS
    /// topic as <c>onError</c> ("Configuration error at 'functions.probe.onError': unsupported string
    /// format" for an SQS queue), and the stack has no SNS.
    /// </summary>
    private static readonly TargetCapabilities DeclaredTraits = TargetCapabilities.Of(
        TargetCapabilities.SyncInvoke, TargetCapabilities.AsyncInvoke, TargetCapabilities.LogTail, TargetCapabilities.Filtering) with
    {
        TimingTolerance = TimeSpan.FromSeconds(1),
        ObservationWindow = TimeSpan.FromSeconds(15),
    };

    /// <summary>What the emulator stack can do (known without starting it).</summary>
    public static TargetCapabilities Declared { get; } = TargetFacets.Derive(typeof(EmulatorTarget), DeclaredTraits);

    /// <summary>How many times this scenario's serverless-offline was started (each start costs 2-3 s of CPU).</summary>
    public int Starts => session.Starts;

    /// <summary>The physical name of a queue, stream, table or bucket of this scenario.</summary>
    public string Physical(string name) => $"{service.Name}-{name}";

    private ServerlessFlavour Flavour => new(Lacks, RestApisUnderTheirStage: true, stack.Stopping);

    internal static NotSupportedException Lacks(string what) => new($"the emulator target (serverless-offline) has no {what}");

    // ---- Functions -------------------------------------------------------------------------------

    public async Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        if (spec.Code is { IsNode: false } code) throw Lacks($"runtime {code.Runtime}: serverless-offline runs a project's own Node.js handlers only");
        lock (session.Gate)
        {
            if (service.Functions.ContainsKey(spec.Name))
                return new ApiResult(409, "ResourceConflictException", $"Function already exist: {spec.Name}");
            ledgers.Add(spec);
        }
        stack.Sink.RegisterFunction(service.DeployedName(spec.Name), ledgers);
        if (CannotBeRefused(spec))
        {
            // No start now: the scenario's first call or its next change that can be refused starts the
            // emulator, so a function followed by a mapping costs one start, not two (each is 2-3 s of CPU).
            lock (session.Gate)
            {
                service.Functions[spec.Name] = spec;
                session.Changed();
            }
            return ApiResult.Ok;
        }
        var result = await session.ApplyAsync(() => service.Functions[spec.Name] = spec, () => service.Functions.Remove(spec.Name), cancellation);
        if (!result.Succeeded) ledgers.Remove(spec.Name);
        return result;
    }

    /// <summary>
    /// Of a function, serverless checks only the timeout it is given, against 1 to 900 seconds ("must be
    /// &gt;= 1", "must be &lt;= 900"); a function inside that range is accepted whatever else it does.
    /// </summary>
    private static bool CannotBeRefused(FunctionSpec spec) => Math.Ceiling(spec.Timeout.TotalSeconds) is >= 1 and <= 900;

    public Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        lock (session.Gate)
        {
            if (!ledgers.Update(spec)) return Task.FromResult(ApiResult.NotFound($"Function not found: {spec.Name}"));
            // The timeout lives in serverless.json; the behaviour reaches the probe with its next invocation.
            if (service.Functions[spec.Name].Timeout != spec.Timeout) session.Changed();
            service.Functions[spec.Name] = spec;
        }
        return Task.FromResult(ApiResult.Ok);
    }

    /// <summary>
    /// serverless-offline gives its functions no ARNs (a handler's context says
    /// <c>offline_invokedFunctionArn_for_NAME</c>, serverless-offline <c>src/lambda/LambdaContext.js</c>): this is
    /// the ARN the deployed function would have in the Region and account the stack is configured with,
    /// the one the adapter also names it by as a destination. Whether the emulator resolves it is what the
    /// scenarios show.
    /// </summary>
    public Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(service.Functions.ContainsKey(functionName) ? Arn.Function(EmulatorStack.Region, EmulatorStack.AccountId, service.DeployedName(functionName)).ToString() : null);

    /// <summary>Accepted and not enforced: serverless-offline has no resource-based policies, so scenarios about a missing permission show it.</summary>
    public Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) =>
        Task.FromResult(ApiResult.Ok);

    public Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default) =>
        configuration.PutFunctionConcurrencyAsync(functionName, reservedConcurrency, cancellation);

    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) =>
        configuration.PutEventInvokeConfigAsync(functionName, config, cancellation);

    /// <summary>
    /// A queue of the stack's SQS, or a function of the scenario, to name in serverless.yml. The stack has
    /// no SNS, EventBridge or S3: a topic, bus or bucket is named (by the ARN it would have in the stack's
    /// Region and account) and not created, so serverless judges a configuration that names it, and
    /// reading what it received is unsupported.
    /// </summary>
    public Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default) => kind switch
    {
        DestinationKind.SqsQueue => Resources.CreateDestinationQueueAsync(name, cancellation),
        DestinationKind.SqsFifoQueue => Resources.CreateDestinationQueueAsync(name + ".fifo", cancellation),
        DestinationKind.Function => Task.FromResult(Arn.Function(EmulatorStack.Region, EmulatorStack.AccountId, service.DeployedName(name)).ToString()),
        DestinationKind.SnsTopic => Task.FromResult(Arn.Topic(EmulatorStack.Region, EmulatorStack.AccountId, Physical(name)).ToString()),
        DestinationKind.EventBus => Task.FromResult(Arn.EventBus(EmulatorStack.Region, EmulatorStack.AccountId, Physical(name)).ToString()),
        _ => Task.FromResult(Arn.Bucket(Physical(name)).ToString()),
    };

    // ---- Event sources ---------------------------------------------------------------------------

    public Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default) => configuration.CreateApiAsync(api, cancellation);

    public Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default) => configuration.ApiSourceArnAsync(apiName);

    public Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default) =>
        configuration.SendHttpRequestAsync(apiName, request, cancellation);

    public Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default) => configuration.PutScheduleRuleAsync(rule, cancellation);

    public Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default) =>
        configuration.CreateEventSourceMappingAsync(mapping, cancellation);

    public Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default) =>
        Task.FromResult(configuration.SetEventSourceMappingEnabled(uuid, enabled));

    // ---- Acting ----------------------------------------------------------------------------------

    /// <summary>
    /// The name goes to serverless-offline in the form the scenario gave it (a name, <c>name:qualifier</c>, a
    /// partial or full ARN), with the scenario's function under its deployed name, and the
    /// <c>Qualifier</c> parameter only if the scenario set one: resolving them is the emulator's affair.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default)
    {
        var lambda = await session.LambdaAsync(cancellation);
        var reference = FunctionRef.Parse(request.FunctionName);
        var deployed = service.Functions.ContainsKey(reference.Name) ? reference.Renamed(service.DeployedName(reference.Name)).ToString() : request.FunctionName;
        return await lambda.InvokeAsync(deployed, request, cancellation);
    }

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        await session.EnsureStartedAsync(cancellation); // schedules and pollers run only while the emulator does
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stack.Stopping);
        await Task.Delay(duration, either.Token);
    }

    // ---- Observing -------------------------------------------------------------------------------

    public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(ledgers.Records(FunctionRef.Parse(functionName).Name));

    /// <summary>The scenario's own names, as the events the probe records show them (<see cref="ServerlessService.WithScenarioNames"/>).</summary>
    public string AsDelivered(string answered) => service.WithScenarioNames(answered);

    public async Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default)
    {
        Arn.TryParse(arn, out var parsed);
        if (parsed.Service == "sqs") return await Resources.DestinationRecordsAsync(parsed, cancellation);
        if (parsed.Service == "lambda" && service.Functions.Keys.FirstOrDefault(f => service.DeployedName(f) == parsed.ResourceName) is { } function)
            return [.. (await GetInvocationsAsync(function, cancellation)).Select(r => new DestinationRecord(r.At, arn, r.Event))];
        throw Lacks($"{parsed.Service} (nothing can receive at {arn})");
    }

    public async ValueTask DisposeAsync()
    {
        stack.Sink.Unregister(ledgers);
        await session.DisposeAsync();
        await Resources.DisposeAsync();
    }
}
