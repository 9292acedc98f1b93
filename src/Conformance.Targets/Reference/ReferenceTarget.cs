using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;
using Conformance.Engine;
using Conformance.Engine.Time;
using Conformance.Core.Resources;

namespace Conformance.Targets.Reference;

/// <summary>
/// The reference engine behind the target port, on a virtual clock: letting time pass is instant,
/// and everything that falls due runs in order. Each instance is a fresh, isolated Lambda.
/// </summary>
public sealed class ReferenceTarget : ITarget, IVirtualClock, IVersions, IReservedConcurrency, IAsyncSettings, IDestinations, IFaultInjection,
    IS3Source, IApiGatewaySource, IScheduleSource, ISqsSource, IKinesisSource, IDynamoDbSource, IEventSourceMappings
{
    /// <summary>Where the virtual clock starts; any fixed instant keeps runs repeatable.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly VirtualClock clock = new(Epoch);

    private readonly UserCode.UserCodeRunner? code;

    /// <param name="seed">Seeds the engine's ids.</param>
    /// <param name="settings">Lambda's numbers; AWS's by default.</param>
    /// <param name="code">Runs a user project's functions as real processes; null when only the probe runs.</param>
    public ReferenceTarget(int seed = 0, EngineSettings? settings = null, UserCode.UserCodeRunner? code = null)
    {
        this.code = code;
        Engine = new LambdaEngine(clock, settings, seed, code);
        if (code is not null) code.Services = new ReferenceSqsService(Engine);
    }

    /// <summary>Stops the user functions' processes.</summary>
    public ValueTask DisposeAsync() => code?.DisposeAsync() ?? ValueTask.CompletedTask;

    public string Name => "reference";

    /// <summary>The engine has every facet; its traits are what no facet tells.</summary>
    public TargetCapabilities Traits { get; } = TargetCapabilities.Of(
        TargetCapabilities.SyncInvoke, TargetCapabilities.AsyncInvoke, TargetCapabilities.DeadLetterQueues, TargetCapabilities.LogTail, TargetCapabilities.Filtering);

    public TargetCapabilities Capabilities => TargetFacets.Derive(typeof(ReferenceTarget), Traits);

    public DateTimeOffset Now => clock.GetUtcNow();

    public LambdaEngine Engine { get; }

    private Task<T> Done<T>(T value)
    {
        clock.RunDue(); // whatever the call set in motion (an async attempt, a notification) happens now
        return Task.FromResult(value);
    }

    public Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) => Done(Engine.CreateFunction(spec));

    public Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default) => Done(Engine.UpdateFunction(spec));

    public Task<(ApiResult Result, string? Version)> PublishVersionAsync(string functionName, CancellationToken cancellation = default) =>
        Done(Engine.PublishVersion(functionName));

    public Task<ApiResult> CreateAliasAsync(string functionName, string alias, string version, CancellationToken cancellation = default) =>
        Done(Engine.CreateAlias(functionName, alias, version));

    public Task<string?> FunctionArnAsync(string functionName, CancellationToken cancellation = default) =>
        Task.FromResult(Engine.FunctionExists(functionName) ? Arn.Function(Engine.Settings.Region, Engine.Settings.AccountId, functionName).ToString() : null);

    public Task<ApiResult> AddPermissionAsync(string functionName, PermissionStatement statement, CancellationToken cancellation = default) =>
        Done(Engine.AddPermission(functionName, statement));

    public Task<ApiResult> PutFunctionConcurrencyAsync(string functionName, int reservedConcurrency, CancellationToken cancellation = default) =>
        Done(Engine.PutFunctionConcurrency(functionName, reservedConcurrency));

    public Task<ApiResult> PutEventInvokeConfigAsync(string functionName, EventInvokeConfig config, CancellationToken cancellation = default) =>
        Done(Engine.PutFunctionEventInvokeConfig(functionName, config));

    public Task<string> CreateDestinationAsync(DestinationKind kind, string name, CancellationToken cancellation = default)
    {
        var (region, account) = (Engine.Settings.Region, Engine.Settings.AccountId);
        var arn = kind switch
        {
            DestinationKind.SqsQueue => Arn.Queue(region, account, name),
            DestinationKind.SqsFifoQueue => Arn.Queue(region, account, name + ".fifo"),
            DestinationKind.SnsTopic => Arn.Topic(region, account, name),
            DestinationKind.EventBus => Arn.EventBus(region, account, name),
            DestinationKind.S3Bucket => Arn.Bucket(name),
            _ => Arn.Function(region, account, name),
        };
        return Task.FromResult(arn.ToString());
    }

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default) => Done(Engine.Invoke(request));

    public Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        clock.Advance(duration);
        return Task.CompletedTask;
    }

    public Task<ApiResult> CreateBucketAsync(string bucket, bool versioned, CancellationToken cancellation = default) => Done(Engine.S3.CreateBucket(bucket, versioned));

    public Task<ApiResult> PutBucketNotificationAsync(BucketNotification notification, CancellationToken cancellation = default) =>
        Done(Engine.S3.PutNotification(notification));

    public Task<ApiResult> PutObjectAsync(string bucket, string key, string content, CancellationToken cancellation = default) =>
        Done(Engine.S3.PutObject(bucket, key, content));

    public Task<ApiResult> DeleteObjectAsync(string bucket, string key, CancellationToken cancellation = default) => Done(Engine.S3.DeleteObject(bucket, key));

    public Task<ApiResult> CreateApiAsync(ApiSpec api, CancellationToken cancellation = default) => Done(Engine.ApiGateway.CreateApi(api).Result);

    public Task<string?> ApiSourceArnAsync(string apiName, CancellationToken cancellation = default) => Task.FromResult(Engine.ApiGateway.SourceArn(apiName));

    public Task<HttpResponse> SendHttpRequestAsync(string apiName, HttpRequest request, CancellationToken cancellation = default) =>
        Done(Engine.ApiGateway.Handle(apiName, request));

    public Task<ApiResult> PutScheduleRuleAsync(ScheduleRule rule, CancellationToken cancellation = default) => Done(Engine.Schedules.PutRule(rule));

    public Task<(ApiResult Result, string? Arn)> CreateQueueAsync(QueueSpec queue, CancellationToken cancellation = default) => Done(Engine.Pull.CreateQueue(queue));

    public Task<(ApiResult Result, string? MessageId)> SendMessageAsync(string queueName, QueueMessage message, CancellationToken cancellation = default) =>
        Done(Engine.Pull.SendMessage(queueName, message));

    public Task<ApiResult> SendMessageBatchAsync(string queueName, IReadOnlyList<QueueMessage> messages, CancellationToken cancellation = default)
    {
        foreach (var message in messages)
        {
            var (result, _) = Engine.Pull.SendMessage(queueName, message);
            if (!result.Succeeded) return Done(result);
        }
        return Done(ApiResult.Ok);
    }

    public Task<ApiResult> PutRecordsAsync(string streamName, IReadOnlyList<(string PartitionKey, string Data)> records, CancellationToken cancellation = default)
    {
        foreach (var (key, data) in records)
        {
            var (result, _, _) = Engine.Pull.PutRecord(streamName, key, data);
            if (!result.Succeeded) return Done(result);
        }
        return Done(ApiResult.Ok);
    }

    public Task<(ApiResult Result, string? Arn)> CreateStreamAsync(string streamName, int shards, CancellationToken cancellation = default) =>
        Done(Engine.Pull.CreateStream(streamName, shards));

    public Task<(ApiResult Result, string? SequenceNumber)> PutRecordAsync(string streamName, string partitionKey, string data, CancellationToken cancellation = default)
    {
        var (result, _, sequence) = Engine.Pull.PutRecord(streamName, partitionKey, data);
        return Done((result, sequence));
    }

    public Task<(ApiResult Result, string? StreamArn)> CreateTableAsync(TableSpec table, CancellationToken cancellation = default) => Done(Engine.Pull.CreateTable(table));

    public Task<ApiResult> PutItemAsync(string tableName, string itemJson, CancellationToken cancellation = default) => Done(Engine.Pull.PutItem(tableName, itemJson));

    public Task<ApiResult> DeleteItemAsync(string tableName, string keyJson, CancellationToken cancellation = default) => Done(Engine.Pull.DeleteItem(tableName, keyJson));

    public Task<(ApiResult Result, string? Uuid)> CreateEventSourceMappingAsync(EventSourceMappingSpec mapping, CancellationToken cancellation = default) =>
        Done(Engine.Pull.CreateEventSourceMapping(mapping));

    public Task<ApiResult> SetEventSourceMappingEnabledAsync(string uuid, bool enabled, CancellationToken cancellation = default) => Done(Engine.Pull.SetEnabled(uuid, enabled));

    public Task<QueueState?> GetQueueStateAsync(string queueName, CancellationToken cancellation = default) => Done(Engine.Pull.QueueState(queueName));

    public Task<IReadOnlyList<string>> GetQueueBodiesAsync(string queueName, CancellationToken cancellation = default) => Done(Engine.Pull.QueueBodies(queueName));

    public Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default) =>
        Done(Engine.Invocations(functionName));

    public Task<IReadOnlyList<DestinationRecord>> GetDestinationRecordsAsync(string arn, CancellationToken cancellation = default) =>
        Done(Engine.DestinationRecords(arn));

    public Task InjectAsyncFaultsAsync(string functionName, AsyncFaultPlan faults, CancellationToken cancellation = default)
    {
        Engine.InjectAsyncFaults(functionName, faults);
        return Task.CompletedTask;
    }

}
