using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Resources;
using Conformance.Core.Targets;
using Conformance.Targets.Sources;

namespace Conformance.Targets.Aws;

/// <summary>
/// One scenario on AWS or LocalStack through their public APIs: the probe deployed as each of the
/// scenario's functions (named <c>lc-RUN-N-name</c>, tagged with the run id), its behaviour in the
/// function's environment. Its queues, streams, tables and buckets are a <see cref="ScenarioResources"/>;
/// every resource the scenario creates is removed when it ends, also after a failure.
/// </summary>
/// <remarks>
/// No fault-injection facet: AWS injects no faults on demand. APIs are a <see cref="ScenarioApis"/>;
/// SNS and EventBridge destinations are observed through queues (<see cref="SnsDestinations"/>,
/// <see cref="EventBusDestinations"/>); schedules are EventBridge rules on the default bus. All are
/// named like the scenario's other resources and tagged with the run id.
/// </remarks>
public sealed class AwsTarget : RealTarget, ITarget, IVersions, IReservedConcurrency, IAsyncSettings, IDestinations,
    IS3Source, IEventSourceMappings, IScheduleSource, IApiGatewaySource
{
    private readonly AwsRun run;
    private readonly int number;
    private readonly Dictionary<string, ProbeLedger> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> functionArns = new(StringComparer.Ordinal);
    private readonly List<string> mappings = [];
    private readonly List<string> rules = [];
    private readonly EventBusDestinations buses;
    private readonly SnsDestinations topics;
    private readonly S3Buckets buckets;
    private readonly ScenarioApis apis;

    internal AwsTarget(AwsRun run, int number)
    {
        this.run = run;
        this.number = number;
        buckets = new S3Buckets(run.S3);
        apis = new ScenarioApis(run, Physical, physical => FunctionArn(physical), AccountOf);
        Resources = new ScenarioResources(new ResourceServices(Physical, QueueArn, run.Settings.RunId,
            new SqsQueues(run.Sqs, QueueUrl, QueueArn), run.Kinesis, new DynamoDbTables(run.DynamoDb), buckets));
        buses = new EventBusDestinations(run, Physical, Resources);
        topics = new SnsDestinations(run, Physical, Resources);
    }

    public string Name => run.Settings.Endpoint is null ? "aws" : "localstack";

    public TargetCapabilities Traits => DeclaredTraits;

    public TargetCapabilities Capabilities => Declared;

    private static readonly TargetCapabilities DeclaredTraits = TargetCapabilities.Of(
        TargetCapabilities.SyncInvoke, TargetCapabilities.AsyncInvoke, TargetCapabilities.DeadLetterQueues, TargetCapabilities.LogTail, TargetCapabilities.Filtering) with
    {
        TimingTolerance = TimeSpan.FromSeconds(5),
        ObservationWindow = TimeSpan.FromSeconds(90),
    };

    /// <summary>What the adapter can do on AWS and LocalStack (known without connecting).</summary>
    public static TargetCapabilities Declared { get; } = TargetFacets.Derive(typeof(AwsTarget), DeclaredTraits);

    /// <summary>The name a resource of this scenario has on the target.</summary>
    public string Physical(string name) => $"{run.Settings.Prefix}{number}-{name}".ToLowerInvariant();

    private string FunctionArn(string physical) => Arn.Function(run.Settings.Region, AccountOf(), physical).ToString();

    private string QueueUrl(string physical) => $"{run.ObservationQueueUrl[..run.ObservationQueueUrl.LastIndexOf('/')]}/{physical}";

    private string QueueArn(string physical) => Arn.Queue(run.Settings.Region, AccountOf(), physical).ToString();

    private string AccountOf() => run.ObservationQueueUrl.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } parts ? parts[^2] : "000000000000";

    private static NotSupportedException Lacks(string what) => new($"this build's AWS adapter has no {what}");

    // ---- Functions -------------------------------------------------------------------------------

    private Dictionary<string, string> Environment(FunctionSpec spec) => new(spec.Code is { } code ? UserCodePackage.Variables(code) : [])
    {
        ["PROBE_BEHAVIOUR"] = ProbeProtocol.BehaviourJson(spec.Behaviour).ToJsonString(),
        ["PROBE_OBSERVATIONS_QUEUE_URL"] = run.ObservationQueueUrl,
        ["PROBE_COUNTER_TABLE"] = run.CounterTable,
    };

    public async Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        var physical = Physical(spec.Name);
        var package = spec.Code is { } code ? UserCodePackage.Build(spec.Name, code, run.ProbeFile) : ProbePackage.Of(run.ProbeZip);
        var (result, created) = await run.Lambda.CreateFunctionAsync(physical, run.RoleArn, package, spec.Timeout, Environment(spec),
            new Dictionary<string, string> { ["conformance-run"] = run.Settings.RunId }, spec.DeadLetterTargetArn, cancellation);
        if (!result.Succeeded) return result;
        if (created?["FunctionArn"]?.ToString() is { } arn) functionArns[spec.Name] = arn;
        var ledger = new ProbeLedger(spec);
        functions[spec.Name] = ledger;
        run.Register(physical, ledger, Physical(""));
        return await run.Lambda.WaitUntilReadyAsync(physical, cancellation);
    }

    /// <summary>The <c>FunctionArn</c> of the function's <c>CreateFunction</c> answer.</summary>
    public Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(functionArns.GetValueOrDefault(functionName));

    public async Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        var physical = Physical(spec.Name);
        var (result, _) = await run.Lambda.UpdateConfigurationAsync(physical, spec.Timeout, Environment(spec), spec.DeadLetterTargetArn, cancellation);
        if (!result.Succeeded) return result;
        if (functions.TryGetValue(spec.Name, out var ledger)) ledger.Spec = spec;
        return await run.Lambda.WaitUntilReadyAsync(physical, cancellation);
    }

    public async Task<(ApiResult Result, string? Version)> PublishVersionAsync(string functionName, CancellationToken cancellation = default)
    {
        var (result, body) = await run.Lambda.PublishVersionAsync(Physical(functionName), cancellation);
        return (result, body?["Version"]?.ToString());
    }

    public async Task<ApiResult> CreateAliasAsync(string functionName, string alias, string version, CancellationToken cancellation = default) =>
        (await run.Lambda.CreateAliasAsync(Physical(functionName), alias, version, cancellation)).Result;

    public async Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) =>
        (await run.Lambda.AddPermissionAsync(Physical(functionName), statement, cancellation)).Result;

    public async Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default) =>
        (await run.Lambda.PutConcurrencyAsync(Physical(functionName), reservedConcurrency, cancellation)).Result;

    public async Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) =>
        (await run.Lambda.PutEventInvokeConfigAsync(Physical(functionName), config, cancellation)).Result;

    // ---- Destinations ----------------------------------------------------------------------------

    public Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default) => kind switch
    {
        DestinationKind.SqsQueue => Resources.CreateDestinationQueueAsync(name, cancellation),
        DestinationKind.SqsFifoQueue => Resources.CreateDestinationQueueAsync(name + ".fifo", cancellation),
        DestinationKind.Function => Task.FromResult(FunctionArn(Physical(name))),
        DestinationKind.EventBus => buses.CreateAsync(name, cancellation),
        DestinationKind.SnsTopic => topics.CreateAsync(name, cancellation),
        _ => throw Lacks($"{kind} destinations"),
    };

    public async Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default)
    {
        Arn.TryParse(arn, out var parsed);
        switch (parsed.Service)
        {
            case "sqs":
                return await Resources.DestinationRecordsAsync(parsed, cancellation);
            case "events" when buses.ObserverOf(arn) is { } queue:
                return await Resources.DestinationRecordsAsync(queue, cancellation);
            case "sns" when topics.ObserverOf(arn) is { } queue:
                return await Resources.DestinationRecordsAsync(queue, cancellation);
            case "lambda":
                await run.DrainObservationsAsync(cancellation);
                return [.. run.Records(parsed.ResourceName).Select(r => new DestinationRecord(r.At, arn, r.Event))];
            default:
                throw Lacks($"reader for the destination {arn}");
        }
    }

    // ---- Event sources ---------------------------------------------------------------------------

    public Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default) =>
        Resources.CreateBucketAsync(bucket, versioned, cancellation);

    public Task<ApiResult> PutBucketNotificationAsync(BucketNotification notification, CancellationToken cancellation = default) =>
        buckets.PutNotificationAsync(Physical(notification.Bucket), FunctionArn(Physical(notification.FunctionName)), notification, cancellation);

    public Task<ApiResult> PutObjectAsync(string bucket, string key, string content, CancellationToken cancellation = default) =>
        buckets.PutObjectAsync(Physical(bucket), key, content, cancellation);

    public Task<ApiResult> DeleteObjectAsync(string bucket, string key, CancellationToken cancellation = default) =>
        buckets.DeleteObjectAsync(Physical(bucket), key, cancellation);

    public Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default) => apis.CreateAsync(api, cancellation);

    public Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default) => Task.FromResult(apis.SourceArn(apiName));

    public Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default) =>
        apis.SendAsync(apiName, request, cancellation);

    public async Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default)
    {
        var name = Physical(rule.Name);
        var (created, _) = await run.Events.PutScheduleRuleAsync(name, rule.ScheduleExpression, run.Settings.RunId, cancellation);
        if (!created.Succeeded) return created;
        rules.Add(name);
        return await run.Events.PutTargetAsync(name, FunctionArn(Physical(rule.FunctionName)), cancellation);
    }

    public async Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default)
    {
        var (result, body) = await run.Lambda.CreateEventSourceMappingAsync(mapping, Physical(mapping.FunctionName), cancellation);
        var uuid = body?["UUID"]?.ToString();
        if (!result.Succeeded || uuid is null) return (result, null);
        mappings.Add(uuid);
        return (result, uuid);
    }

    public async Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default) =>
        (await run.Lambda.UpdateEventSourceMappingAsync(uuid, enabled, cancellation)).Result;

    // ---- Acting and observing --------------------------------------------------------------------

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default) =>
        run.Lambda.Api.InvokeAsync(Deployed(request.FunctionName), request, cancellation);

    /// <summary>A function reference as the scenario gives it, with the scenario's function under its deployed name and the form kept.</summary>
    private string Deployed(string functionName)
    {
        var reference = FunctionRef.Parse(functionName);
        return functions.ContainsKey(reference.Name) ? reference.Renamed(Physical(reference.Name)).ToString() : functionName;
    }

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, run.Stopping);
        await Task.Delay(duration, either.Token);
    }

    public async Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default)
    {
        await run.DrainObservationsAsync(cancellation);
        return run.Records(Physical(FunctionRef.Parse(functionName).Name));
    }

    public async ValueTask DisposeAsync()
    {
        await apis.DisposeAsync();
        foreach (var rule in rules) await Quietly.Run(() => run.Events.DeleteRuleAsync(rule, CancellationToken.None));
        await buses.DisposeAsync();
        await topics.DisposeAsync();
        foreach (var uuid in mappings) await Quietly.Run(() => run.Lambda.DeleteEventSourceMappingAsync(uuid, CancellationToken.None));
        foreach (var function in functions.Keys) await Quietly.Run(() => run.Lambda.DeleteFunctionAsync(Physical(function), CancellationToken.None));
        await Resources.DisposeAsync();
    }
}
