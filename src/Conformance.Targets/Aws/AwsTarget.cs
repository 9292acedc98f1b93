using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Core.Observation;
using Conformance.Core.Targets;

namespace Conformance.Targets.Aws;

/// <summary>
/// One scenario on AWS or LocalStack through their public APIs: the probe deployed as each of the
/// scenario's functions (named <c>lc-RUN-N-name</c>, tagged with the run id), its behaviour in the
/// function's environment; every resource the scenario creates is removed when it ends, also after a
/// failure. API Gateway, EventBridge schedules and SNS topics need SDKs this build does not have: they
/// are not applicable here.
/// </summary>
/// <remarks>
/// No API Gateway, schedule or fault-injection facet: this adapter does not speak API Gateway or
/// EventBridge yet (issue #20), and AWS injects no faults on demand.
/// </remarks>
public sealed partial class AwsTarget : ITarget, IVersions, IReservedConcurrency, IAsyncSettings, IDestinations,
    IS3Source, ISqsSource, IKinesisSource, IDynamoDbSource, IEventSourceMappings
{
    private readonly AwsRun run;
    private readonly int number;
    private readonly Dictionary<string, ProbeLedger> functions = new(StringComparer.Ordinal);
    private readonly List<string> mappings = [];

    internal AwsTarget(AwsRun run, int number)
    {
        this.run = run;
        this.number = number;
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

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>The name a resource of this scenario has on the target.</summary>
    public string Physical(string name) => $"{run.Settings.Prefix}{number}-{name}".ToLowerInvariant();

    private string FunctionArn(string physical) => $"arn:aws:lambda:{run.Settings.Region}:{AccountOf()}:function:{physical}";

    private string AccountOf() => run.ObservationQueueUrl.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } parts ? parts[^2] : "000000000000";

    // ---- Functions -------------------------------------------------------------------------------

    private Dictionary<string, string> Environment(FunctionSpec spec) => new()
    {
        ["PROBE_BEHAVIOUR"] = ProbeProtocol.BehaviourJson(spec.Behaviour).ToJsonString(),
        ["PROBE_OBSERVATIONS_QUEUE_URL"] = run.ObservationQueueUrl,
        ["PROBE_COUNTER_TABLE"] = run.CounterTable,
    };

    public async Task<ApiResult> CreateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        var physical = Physical(spec.Name);
        var (result, _) = await run.Lambda.CreateFunctionAsync(physical, run.RoleArn, run.ProbeZip, spec.Timeout, Environment(spec),
            new Dictionary<string, string> { ["conformance-run"] = run.Settings.RunId }, spec.DeadLetterTargetArn, cancellation);
        if (!result.Succeeded) return result;
        var ledger = new ProbeLedger(spec);
        functions[spec.Name] = ledger;
        run.Register(physical, ledger, Physical(""));
        return await WaitUntilReadyAsync(physical, cancellation);
    }

    /// <summary>Waits until the function's state is Active and its last update finished (Lambda refuses invokes and updates before).</summary>
    private async Task<ApiResult> WaitUntilReadyAsync(string physical, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var (result, body) = await run.Lambda.GetFunctionAsync(physical, cancellation);
            if (!result.Succeeded) return result;
            var configuration = body?["Configuration"];
            var state = configuration?["State"]?.ToString();
            var update = configuration?["LastUpdateStatus"]?.ToString();
            if (state is null or "Active" && update is null or "Successful") return ApiResult.Ok;
            if (state == "Failed" || update == "Failed") return new ApiResult(500, "FunctionFailed", configuration?["StateReason"]?.ToString());
            await Task.Delay(500, cancellation);
        }
        return new ApiResult(504, "Timeout", $"the function {physical} did not become Active");
    }

    public async Task<ApiResult> UpdateFunctionAsync(FunctionSpec spec, CancellationToken cancellation = default)
    {
        var physical = Physical(spec.Name);
        var (result, _) = await run.Lambda.UpdateConfigurationAsync(physical, spec.Timeout, Environment(spec), spec.DeadLetterTargetArn, cancellation);
        if (!result.Succeeded) return result;
        if (functions.TryGetValue(spec.Name, out var ledger)) ledger.Spec = spec;
        return await WaitUntilReadyAsync(physical, cancellation);
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

    // ---- Acting ----------------------------------------------------------------------------------

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellation = default) =>
        run.Lambda.Api.InvokeAsync(PhysicalFunctionName(request.FunctionName), request, cancellation);

    /// <summary>A function name as the scenario gives it (name, name:qualifier or ARN) with the scenario's function replaced by its deployed name.</summary>
    private string PhysicalFunctionName(string name)
    {
        var parts = name.Split(':');
        if (name.StartsWith("arn:", StringComparison.Ordinal) && parts.Length > 6 && functions.ContainsKey(parts[6]))
            parts[6] = Physical(parts[6]);
        else if (!name.StartsWith("arn:", StringComparison.Ordinal) && functions.ContainsKey(parts[0]))
            parts[0] = Physical(parts[0]);
        return string.Join(':', parts);
    }

    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellation = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, run.Stopping);
        await Task.Delay(duration, either.Token);
    }

    // ---- Observing -------------------------------------------------------------------------------

    public async Task<IReadOnlyList<InvocationRecord>> GetInvocationsAsync(string functionName, CancellationToken cancellation = default)
    {
        await run.DrainObservationsAsync(cancellation);
        return run.Records(Physical(functionName.Split(':')[0]));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var uuid in mappings) await Quietly(() => run.Lambda.DeleteEventSourceMappingAsync(uuid, CancellationToken.None));
        foreach (var function in functions.Keys) await Quietly(() => run.Lambda.DeleteFunctionAsync(Physical(function), CancellationToken.None));
        await DeleteSourcesAsync();
    }

    private static async Task Quietly(Func<Task> removal)
    {
        try
        {
            await removal();
        }
        catch (Exception ex) when (ex is HttpRequestException or Amazon.Runtime.AmazonServiceException or TaskCanceledException)
        {
            // left for `conformance cleanup --run-id`
        }
    }
}
