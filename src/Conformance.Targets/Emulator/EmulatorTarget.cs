using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Targets.Http;

namespace Conformance.Targets.Emulator;

/// <summary>
/// One scenario on the local emulator stack: its functions run as the probe in a serverless-offline
/// process of its own (started when the scenario first acts, restarted when its configuration
/// changes), its queues, streams and tables live on the shared servers under names prefixed with the
/// scenario's service name. It implements only the facets the stack has; a part of one it lacks (SNS
/// and EventBridge destinations, a qualifier) throws <see cref="NotSupportedException"/>, reported as unsupported.
/// </summary>
/// <remarks>
/// No S3 facet: s3rver has no notification configuration (it answers PutBucketNotificationConfiguration
/// with 501 Not Implemented), so no S3 event could reach a function. No versions or aliases:
/// serverless-offline runs $LATEST only. No fault injection: no real target injects faults on demand.
/// </remarks>
public sealed partial class EmulatorTarget : ITarget, IObservationListener, IReservedConcurrency, IAsyncSettings, IDestinations,
    IApiGatewaySource, IScheduleSource, ISqsSource, IKinesisSource, IDynamoDbSource, IEventSourceMappings
{
    private readonly EmulatorStack stack;
    private readonly ServerlessService service;
    private readonly string directory;
    private readonly Lock gate = new();
    private readonly Dictionary<string, ProbeLedger> ledgers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> mappings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiSpec> apis = new(StringComparer.Ordinal);
    /// <summary>How long one request to the emulator may take: longer than Lambda's longest timeout (15 min).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(16);
    private readonly SemaphoreSlim starting = new(1, 1);
    private ServerlessOffline? offline;
    private HttpClient? lambdaHttp;
    private LambdaApi? lambda;
    private int configurationVersion;
    private int startedVersion = -1;

    internal EmulatorTarget(EmulatorStack stack, int scenarioNumber)
    {
        this.stack = stack;
        service = new ServerlessService($"c{scenarioNumber}");
        directory = Path.Combine(stack.WorkDirectory, service.Name);
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

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>How many times this scenario's serverless-offline was started (each start costs 2-3 s of CPU).</summary>
    public int Starts { get; private set; }

    /// <summary>The physical name of a queue, stream, table or bucket of this scenario.</summary>
    public string Physical(string name) => $"{service.Name}-{name}";

    // ---- Functions -------------------------------------------------------------------------------

    public async Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        lock (gate)
        {
            if (service.Functions.ContainsKey(spec.Name))
                return new ApiResult(409, "ResourceConflictException", $"Function already exist: {spec.Name}");
            ledgers[spec.Name] = new ProbeLedger(spec);
        }
        stack.Sink.RegisterFunction(service.DeployedName(spec.Name), this);
        if (CannotBeRefused(spec))
        {
            // No start now: the scenario's first call or its next change that can be refused starts the
            // emulator, so a function followed by a mapping costs one start, not two (each is 2-3 s of CPU).
            lock (gate)
            {
                service.Functions[spec.Name] = spec;
                configurationVersion++;
            }
            return ApiResult.Ok;
        }
        var result = await ApplyAsync(() => service.Functions[spec.Name] = spec, () => service.Functions.Remove(spec.Name), cancellation);
        if (!result.Succeeded) lock (gate) ledgers.Remove(spec.Name);
        return result;
    }

    /// <summary>
    /// Of a function, serverless checks only the timeout it is given, against 1 to 900 seconds ("must be
    /// &gt;= 1", "must be &lt;= 900"); a function inside that range is accepted whatever else it does.
    /// </summary>
    private static bool CannotBeRefused(FunctionSpec spec) => Math.Ceiling(spec.Timeout.TotalSeconds) is >= 1 and <= 900;

    /// <summary>
    /// Changes the scenario's configuration and restarts the emulator with it at once: the emulator's
    /// control plane is its configuration file, so a setting it refuses shows as a failed start, answered
    /// in serverless's own words, with no status or error type since there was no API call (and the change taken back).
    /// </summary>
    private async Task<ApiResult> ApplyAsync(Action change, Action undo, CancellationToken cancellation)
    {
        lock (gate)
        {
            change();
            configurationVersion++;
        }
        try
        {
            await EnsureStartedAsync(cancellation);
            return ApiResult.Ok;
        }
        catch (TargetUnavailableException ex)
        {
            lock (gate)
            {
                undo();
                configurationVersion++;
            }
            var words = string.Join(" ", ex.Message.Split('\n').Where(l => l.Contains("rror", StringComparison.Ordinal) || l.Contains("must", StringComparison.Ordinal)).Take(5).Select(l => l.Trim()));
            return ApiResult.RefusedWithoutCode(words.Length > 0 ? words : ex.Message);
        }
    }

    public Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        lock (gate)
        {
            if (!ledgers.TryGetValue(spec.Name, out var ledger)) return Task.FromResult(ApiResult.NotFound($"Function not found: {spec.Name}"));
            // The timeout lives in serverless.json; the behaviour reaches the probe with its next invocation.
            if (service.Functions[spec.Name].Timeout != spec.Timeout) configurationVersion++;
            service.Functions[spec.Name] = spec;
            ledger.Spec = spec;
        }
        return Task.FromResult(ApiResult.Ok);
    }

    /// <summary>Accepted and not enforced: serverless-offline has no resource-based policies, so scenarios about a missing permission show it.</summary>
    public Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) =>
        Task.FromResult(ApiResult.Ok);

    /// <summary>Written as serverless.yml's <c>reservedConcurrency</c>: serverless decides whether it accepts it, and scenarios show whether the emulator keeps to it.</summary>
    public Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default) =>
        SetFunctionSettingsAsync(functionName, new JsonObject { ["reservedConcurrency"] = reservedConcurrency }, cancellation);

    /// <summary>
    /// Written as serverless.yml's <c>maximumRetryAttempts</c>, <c>maximumEventAge</c> and
    /// <c>destinations</c>; settings on a version or alias cannot be expressed, as serverless-offline has neither.
    /// </summary>
    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default)
    {
        if (config.Qualifier is { } qualifier && qualifier != "$LATEST") throw Lacks($"versions and aliases (the qualifier {qualifier})");
        var settings = new JsonObject();
        if (config.MaximumRetryAttempts is { } retries) settings["maximumRetryAttempts"] = retries;
        if (config.MaximumEventAgeInSeconds is { } age) settings["maximumEventAge"] = age;
        var destinations = new JsonObject();
        if (config.OnSuccessDestination is { } onSuccess) destinations["onSuccess"] = onSuccess;
        if (config.OnFailureDestination is { } onFailure) destinations["onFailure"] = onFailure;
        if (destinations.Count > 0) settings["destinations"] = destinations;
        return SetFunctionSettingsAsync(functionName, settings, cancellation);
    }

    /// <summary>Sets function settings and restarts the emulator with them, so that serverless checks them now.</summary>
    private async Task<ApiResult> SetFunctionSettingsAsync(string functionName, JsonObject settings, CancellationToken cancellation)
    {
        JsonObject before;
        lock (gate)
        {
            if (!service.Functions.ContainsKey(functionName)) return ApiResult.NotFound($"Function not found: {functionName}");
            before = (JsonObject)(service.FunctionSettings.GetValueOrDefault(functionName) ?? new JsonObject()).DeepClone();
        }
        return await ApplyAsync(() =>
        {
            var merged = (JsonObject)before.DeepClone();
            foreach (var (key, value) in settings) merged[key] = value?.DeepClone();
            service.FunctionSettings[functionName] = merged;
        }, () => service.FunctionSettings[functionName] = before, cancellation);
    }

    /// <summary>
    /// A queue of the stack's SQS, or a function of the scenario, to name in serverless.yml; the
    /// stack has no SNS or EventBridge.
    /// </summary>
    public async Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default)
    {
        switch (kind)
        {
            case DestinationKind.SqsQueue or DestinationKind.SqsFifoQueue:
                var queueName = kind == DestinationKind.SqsFifoQueue ? name + ".fifo" : name;
                var (result, arn) = await CreateQueueAsync(new QueueSpec(queueName), cancellation);
                if (!result.Succeeded) throw new InvalidOperationException($"The emulator refused to create the queue {queueName}: {result}");
                return arn!;
            case DestinationKind.Function:
                return $"arn:aws:lambda:{EmulatorStack.Region}:{EmulatorStack.AccountId}:function:{service.DeployedName(name)}";
            default:
                throw Lacks($"{kind} destinations (the stack has no SNS or EventBridge)");
        }
    }

    private static NotSupportedException Lacks(string what) => new($"the emulator target (serverless-offline) has no {what}");

    // ---- Acting ----------------------------------------------------------------------------------

    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default)
    {
        var lambda = await LambdaAsync(cancellation);
        var (function, qualifier) = SplitFunctionName(request.FunctionName);
        var deployed = service.Functions.ContainsKey(function) ? service.DeployedName(function) : function;
        return await lambda.InvokeAsync(deployed, request with { Qualifier = request.Qualifier ?? qualifier }, cancellation);
    }

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        await EnsureStartedAsync(cancellation); // schedules and pollers run only while the emulator does
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stack.Stopping);
        await Task.Delay(duration, either.Token);
    }

    private async Task<LambdaApi> LambdaAsync(CancellationToken cancellation)
    {
        await EnsureStartedAsync(cancellation);
        return lambda!;
    }

    /// <summary>Starts serverless-offline with the scenario's current configuration, or restarts it after a change (one start at a time).</summary>
    private async Task<EmulatorPorts> EnsureStartedAsync(CancellationToken cancellation)
    {
        await starting.WaitAsync(cancellation);
        try
        {
            if (stack.Lost is { } lost) throw new TargetUnavailableException(lost);
            if (offline is { HasExited: true })
                throw new TargetUnavailableException($"target lost: serverless-offline ({service.Name}) exited.\n{offline.RecentOutput}");
            if (offline is not null && startedVersion == configurationVersion) return offline.Ports;
            await StopOfflineAsync();
            int version;
            lock (gate) version = configurationVersion;
            var iteratorsBefore = await stack.Kinesis.ShardIteratorsHandedOutAsync(cancellation);
            offline = await ServerlessOffline.StartAsync(stack, service, directory, cancellation);
            await UntilKinesisPollersHoldTheirPositionsAsync(iteratorsBefore, cancellation);
            startedVersion = version;
            Starts++;
            lambdaHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{offline.Ports.Lambda}"), Timeout = RequestTimeout };
            lambda = new LambdaApi(lambdaHttp);
            return offline.Ports;
        }
        finally
        {
            starting.Release();
        }
    }

    /// <summary>
    /// serverless-offline says it listens before its Kinesis plugin has asked for a shard iterator; a
    /// record put meanwhile is behind a LATEST position taken later, and lost. Ready means every
    /// Kinesis stream of the scenario has handed out a new iterator (up to 15 s; after that the
    /// scenario goes on and shows what the emulator does).
    /// </summary>
    private async Task UntilKinesisPollersHoldTheirPositionsAsync(IReadOnlyDictionary<string, int> before, CancellationToken cancellation)
    {
        var streams = service.Events.Values.SelectMany(e => e)
            .Where(e => e["stream"]?["type"]?.ToString() == "kinesis" && e["stream"]?["enabled"]?.GetValue<bool>() != false)
            .Select(e => e["stream"]!["arn"]!.ToString().Split('/')[^1]).Distinct().ToList();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (streams.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            var now = await stack.Kinesis.ShardIteratorsHandedOutAsync(cancellation);
            if (streams.All(s => now.GetValueOrDefault(s) > before.GetValueOrDefault(s))) return;
            await Task.Delay(100, cancellation);
        }
    }

    private async Task StopOfflineAsync()
    {
        if (offline is not null) await offline.DisposeAsync();
        offline = null;
        lambdaHttp?.Dispose();
        (lambdaHttp, lambda) = (null, null);
    }

    private static (string Function, string? Qualifier) SplitFunctionName(string name)
    {
        var parts = name.Split(':');
        if (name.StartsWith("arn:", StringComparison.Ordinal)) return (parts.Length > 6 ? parts[6] : name, parts.Length > 7 ? parts[7] : null);
        return parts.Length == 2 ? (parts[0], parts[1]) : (name, null);
    }

    // ---- Observing -------------------------------------------------------------------------------

    public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default)
    {
        lock (gate)
        {
            var ledger = ledgers.GetValueOrDefault(SplitFunctionName(functionName).Function);
            return Task.FromResult<IReadOnlyList<InvocationRecord>>(ledger?.Records() ?? []);
        }
    }

    public async Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default)
    {
        var parts = arn.Split(':');
        if (arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
            return [.. (await stack.Queues.PeekAsync(parts[^1], cancellation)).Select(m => new DestinationRecord(Now, arn, m.Body)
            {
                Attributes = (m.MessageAttributes ?? []).ToDictionary(a => a.Key, a => a.Value.StringValue ?? ""),
            })];
        if (arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) && parts.Length > 6)
        {
            var function = service.Functions.Keys.FirstOrDefault(f => service.DeployedName(f) == parts[6]);
            if (function is not null)
                return [.. (await GetInvocationsAsync(function, cancellation)).Select(r => new DestinationRecord(r.At, arn, r.Event))];
        }
        throw Lacks($"reader for the destination {arn}");
    }

    JsonObject IObservationListener.Started(ProbeProtocol.Started started)
    {
        lock (gate)
        {
            var ledger = ledgers.Values.First(l => service.DeployedName(l.Spec.Name) == started.FunctionName);
            var attempt = ledger.Start(started with { FunctionName = ledger.Spec.Name, Event = WithScenarioNames(started.Event) });
            return new JsonObject { ["attempt"] = attempt, ["behaviour"] = ProbeProtocol.BehaviourJson(ledger.Spec.Behaviour) };
        }
    }

    /// <summary>
    /// The scenario's own names in an observed event: queues, streams, tables and buckets live on shared
    /// servers as <c>cN-name</c>, a prefix the harness chose, so it is taken out again.
    /// </summary>
    private string WithScenarioNames(string observed) => observed.Replace(service.Name + "-", "", StringComparison.Ordinal);

    void IObservationListener.Ended(ProbeProtocol.Ended ended)
    {
        lock (gate)
        {
            ledgers.Values.FirstOrDefault(l => service.DeployedName(l.Spec.Name) == ended.FunctionName)?.End(ended);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stack.Sink.Unregister(this);
        await StopOfflineAsync();
        starting.Dispose();
        await DeleteResourcesAsync();
    }
}
