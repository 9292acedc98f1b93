using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Resources;
using Conformance.Core.Targets;
using Conformance.Targets.Emulator;
using Conformance.Targets.Processes;

namespace Conformance.Targets.ServerlessAwsLambda;

/// <summary>
/// One scenario on serverless-aws-lambda: its functions run as the probe in a process of its own (started
/// when the scenario first acts), which also serves its API routes and its SQS (<see cref="AwsLambdaQueues"/>);
/// settings, routes and mappings go into the configuration (<see cref="ServerlessConfiguration"/>). Only the
/// facets the emulator has: no Kinesis, DynamoDB streams or schedules, so those scenarios are unsupported.
/// The emulator reads its configuration at start only and keeps its queues in its process, so a change
/// after the scenario acted (a restart would lose the messages sent) is unsupported, not made.
/// </summary>
public sealed class AwsLambdaTarget : ITarget, ISqsSource, IReservedConcurrency, IAsyncSettings, IDestinations, IApiGatewaySource, IEventSourceMappings
{
    private readonly ServerlessService service;
    private readonly ServerlessSession session;
    private readonly ServerlessConfiguration configuration;
    private readonly ScenarioLedgers ledgers;
    private readonly ObservationSink sink;
    private readonly AwsLambdaQueues queues;
    private readonly int port = FreePorts.Next();

    /// <summary>The loopback port the scenario's emulator serves everything on, the same for all its starts.</summary>
    public int Port => port;

    internal AwsLambdaTarget(AwsLambdaStack stack, int scenarioNumber)
    {
        service = new ServerlessService($"c{scenarioNumber}");
        sink = new ObservationSink(FreePorts.Next());
        var directory = Path.Combine(stack.WorkDirectory, service.Name);
        session = new ServerlessSession("serverless-aws-lambda", service, () => null,
            cancellation => AwsLambdaProcess.StartAsync(stack, service, directory, port, sink.Url, cancellation),
            () => Lacks("configuration change after the scenario acted: it reads serverless.yml at start only, and a restart loses the messages in its queues"));
        configuration = new ServerlessConfiguration(session, new ServerlessFlavour(Lacks, RestApisUnderTheirStage: false, stack.Stopping));
        ledgers = new ScenarioLedgers(service, function => function); // its context.functionName is the function's key
        queues = new AwsLambdaQueues(service, session, port, ActAsync);
        Stopping = stack.Stopping;
    }

    private CancellationToken Stopping { get; }

    public string Name => "serverless-aws-lambda";

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public TargetCapabilities Traits => DeclaredTraits;

    public TargetCapabilities Capabilities => Declared;

    /// <summary>
    /// What the emulator does that no facet tells: synchronous and asynchronous invocation, the log tail
    /// header, event filtering, and a dead-letter queue (serverless.yml's <c>onError</c>, which its SQS
    /// plugin reads).
    /// </summary>
    private static readonly TargetCapabilities DeclaredTraits = TargetCapabilities.Of(
        TargetCapabilities.SyncInvoke, TargetCapabilities.AsyncInvoke, TargetCapabilities.LogTail, TargetCapabilities.Filtering,
        TargetCapabilities.DeadLetterQueues) with
    {
        TimingTolerance = TimeSpan.FromSeconds(1),
        ObservationWindow = TimeSpan.FromSeconds(15),
    };

    /// <summary>What serverless-aws-lambda can do (known without starting it).</summary>
    public static TargetCapabilities Declared { get; } = TargetFacets.Derive(typeof(AwsLambdaTarget), DeclaredTraits);

    internal static NotSupportedException Lacks(string what) => new($"the serverless-aws-lambda target has no {what}");

    /// <summary>The physical name of a queue of this scenario.</summary>
    public string Physical(string name) => queues.Physical(name);

    private async Task ActAsync(CancellationToken cancellation)
    {
        session.Acted();
        await session.EnsureStartedAsync(cancellation);
    }

    // ---- Functions -------------------------------------------------------------------------------

    public async Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        if (spec.Code is { IsNode: false } code) throw Lacks($"runtime {code.Runtime}: the kit runs a project's own Node.js handlers on it only");
        lock (session.Gate)
        {
            if (service.Functions.ContainsKey(spec.Name))
                return new ApiResult(409, "ResourceConflictException", $"Function already exist: {spec.Name}");
            ledgers.Add(spec);
        }
        sink.RegisterFunction(spec.Name, ledgers);
        if (spec.DeadLetterTargetArn is { } deadLetter)
        {
            // As serverless.yml's onError, for serverless to judge and the emulator to act on (its SQS plugin creates an SQS one).
            var withDeadLetter = await session.ApplyAsync(() =>
            {
                service.Functions[spec.Name] = spec;
                service.FunctionSettings[spec.Name] = new JsonObject { ["onError"] = deadLetter };
            }, () =>
            {
                service.Functions.Remove(spec.Name);
                service.FunctionSettings.Remove(spec.Name);
            }, cancellation);
            if (!withDeadLetter.Succeeded) ledgers.Remove(spec.Name);
            return withDeadLetter;
        }
        if (Math.Ceiling(spec.Timeout.TotalSeconds) is >= 1 and <= 900)
        {
            // Within what serverless accepts of a function ("must be >= 1", "must be <= 900"): no start now,
            // the scenario's first act starts the emulator with everything it set up (each start costs seconds).
            lock (session.Gate)
            {
                session.Changed();
                service.Functions[spec.Name] = spec;
            }
            return ApiResult.Ok;
        }
        var result = await session.ApplyAsync(() => service.Functions[spec.Name] = spec, () => service.Functions.Remove(spec.Name), cancellation);
        if (!result.Succeeded) ledgers.Remove(spec.Name);
        return result;
    }

    public Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        lock (session.Gate)
        {
            if (!service.Functions.ContainsKey(spec.Name)) return Task.FromResult(ApiResult.NotFound($"Function not found: {spec.Name}"));
            // The timeout lives in serverless.json; the behaviour reaches the probe with its next invocation.
            if (service.Functions[spec.Name].Timeout != spec.Timeout) session.Changed();
            if (service.Functions[spec.Name].DeadLetterTargetArn != spec.DeadLetterTargetArn)
            {
                session.Changed();
                if (!service.FunctionSettings.TryGetValue(spec.Name, out var settings)) service.FunctionSettings[spec.Name] = settings = [];
                if (spec.DeadLetterTargetArn is { } deadLetter) settings["onError"] = deadLetter;
                else settings.Remove("onError");
            }
            ledgers.Update(spec);
            service.Functions[spec.Name] = spec;
        }
        return Task.FromResult(ApiResult.Ok);
    }

    /// <summary>The ARN the deployed function would have in the Region and account the emulator's SQS uses; whether the emulator resolves it is what the scenarios show.</summary>
    public Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(service.Functions.ContainsKey(functionName) ? Arn.Function(EmulatorStack.Region, EmulatorStack.AccountId, service.DeployedName(functionName)).ToString() : null);

    /// <summary>Accepted and not enforced: the emulator has no resource-based policies, so scenarios about a missing permission show it.</summary>
    public Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) =>
        Task.FromResult(ApiResult.Ok);

    public Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default) =>
        configuration.PutFunctionConcurrencyAsync(functionName, reservedConcurrency, cancellation);

    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) =>
        configuration.PutEventInvokeConfigAsync(functionName, config, cancellation);

    /// <summary>A queue of the scenario, or a function; a topic, bus or bucket is named by the ARN it would have, for serverless to judge.</summary>
    public Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default) => kind switch
    {
        DestinationKind.SqsQueue => queues.Resources.CreateDestinationQueueAsync(name, cancellation),
        DestinationKind.SqsFifoQueue => queues.Resources.CreateDestinationQueueAsync(name + ".fifo", cancellation),
        DestinationKind.Function => Task.FromResult(Arn.Function(EmulatorStack.Region, EmulatorStack.AccountId, service.DeployedName(name)).ToString()),
        DestinationKind.SnsTopic => Task.FromResult(Arn.Topic(EmulatorStack.Region, EmulatorStack.AccountId, Physical(name)).ToString()),
        DestinationKind.EventBus => Task.FromResult(Arn.EventBus(EmulatorStack.Region, EmulatorStack.AccountId, Physical(name)).ToString()),
        _ => Task.FromResult(Arn.Bucket(Physical(name)).ToString()),
    };

    // ---- SQS: the emulator's own (AwsLambdaQueues) --------------------------------------------------

    public Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default) => queues.Resources.CreateQueueAsync(queue, cancellation);

    public Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default) =>
        queues.Resources.SendMessageAsync(queueName, message, cancellation);

    public Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default) =>
        queues.Resources.SendMessageBatchAsync(queueName, messages, cancellation);

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => queues.StateAsync(queueName, cancellation);

    public Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) => queues.BodiesAsync(queueName, cancellation);

    // ---- Event sources ---------------------------------------------------------------------------

    public Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default) => configuration.CreateApiAsync(api, cancellation);

    public Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default) => configuration.ApiSourceArnAsync(apiName);

    public Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default)
    {
        session.Acted();
        return configuration.SendHttpRequestAsync(apiName, request, cancellation);
    }

    public Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default) =>
        configuration.CreateEventSourceMappingAsync(mapping, cancellation);

    public Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default) =>
        Task.FromResult(configuration.SetEventSourceMappingEnabled(uuid, enabled));

    // ---- Acting ----------------------------------------------------------------------------------

    /// <summary>The name goes to the emulator in the form the scenario gave it, with the scenario's function under its deployed name.</summary>
    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default)
    {
        session.Acted();
        var lambda = await session.LambdaAsync(cancellation);
        var reference = FunctionRef.Parse(request.FunctionName);
        var deployed = service.Functions.ContainsKey(reference.Name) ? reference.Renamed(service.DeployedName(reference.Name)).ToString() : request.FunctionName;
        return await lambda.InvokeAsync(deployed, request, cancellation);
    }

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        await ActAsync(cancellation); // pollers run only while the emulator does
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, Stopping);
        await Task.Delay(duration, either.Token);
    }

    // ---- Observing -------------------------------------------------------------------------------

    public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(ledgers.Records(FunctionRef.Parse(functionName).Name));

    /// <summary>The scenario's own names, as the events the probe records show them.</summary>
    public string AsDelivered(string answered) => service.WithScenarioNames(answered);

    public async Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default)
    {
        Arn.TryParse(arn, out var parsed);
        if (parsed.Service == "sqs") return await queues.DestinationRecordsAsync(parsed, cancellation);
        if (parsed.Service == "lambda" && service.Functions.Keys.FirstOrDefault(f => service.DeployedName(f) == parsed.ResourceName) is { } function)
            return [.. (await GetInvocationsAsync(function, cancellation)).Select(r => new DestinationRecord(r.At, arn, r.Event))];
        throw Lacks($"{parsed.Service} (nothing can receive at {arn})");
    }

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await queues.DisposeAsync();
        await sink.DisposeAsync();
    }
}
