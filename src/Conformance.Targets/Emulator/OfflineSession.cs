using Conformance.Core.Invocation;
using Conformance.Targets.Http;

namespace Conformance.Targets.Emulator;

/// <summary>
/// A scenario's serverless-offline process and the configuration it runs (<see cref="ServerlessService"/>).
/// The emulator's control plane is its configuration file: a change counts as a new configuration
/// version, and the process is (re)started with the current version when the scenario next acts. One
/// start at a time; <see cref="Gate"/> guards the configuration and the version.
/// </summary>
internal sealed class OfflineSession(EmulatorStack stack, ServerlessService service, string directory) : IAsyncDisposable
{
    /// <summary>How long one request to the emulator may take: longer than Lambda's longest timeout (15 min).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(16);

    private readonly SemaphoreSlim starting = new(1, 1);
    private ServerlessOffline? offline;
    private HttpClient? lambdaHttp;
    private LambdaApi? lambda;
    private int configurationVersion;
    private int startedVersion = -1;

    public Lock Gate { get; } = new();

    public ServerlessService Service => service;

    /// <summary>How many times serverless-offline was started (each start costs 2-3 s of CPU).</summary>
    public int Starts { get; private set; }

    /// <summary>The configuration changed: the next act restarts the emulator. Call under <see cref="Gate"/>.</summary>
    public void Changed() => configurationVersion++;

    /// <summary>
    /// Changes the configuration and restarts the emulator with it at once, so a setting it refuses shows
    /// as a failed start, answered in serverless's own words, with no status or error type since there was
    /// no API call (and the change taken back). Only serverless's validation of the configuration
    /// ("Configuration error at ...", <c>configValidationMode: error</c>) is a refusal; any other failed
    /// start (a plugin that crashes on a setting serverless accepted) is reported as the failure it is.
    /// </summary>
    public async Task<ApiResult> ApplyAsync(Action change, Action undo, CancellationToken cancellation)
    {
        lock (Gate)
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
            lock (Gate)
            {
                undo();
                configurationVersion++;
            }
            var words = string.Join(" ", ex.Message.Split('\n').Select(l => l.Trim()).Where(IsSaying).Take(5));
            if (words.Length == 0) words = ex.Message;
            return IsConfigurationRefusal(ex.Message) ? ApiResult.RefusedWithoutCode(words) : ApiResult.Failed(words);
        }
    }

    /// <summary>A line of serverless's output that says what is wrong: an error, a rule, or the schema path below "Configuration error:".</summary>
    private static bool IsSaying(string line) =>
        line.Contains("rror", StringComparison.Ordinal) || line.Contains("must", StringComparison.Ordinal) || line.StartsWith("at '", StringComparison.Ordinal);

    /// <summary>serverless's schema validation, in its words ("Error: Configuration error at 'functions.probe.timeout': must be &lt;= 900").</summary>
    internal static bool IsConfigurationRefusal(string output) => output.Contains("Configuration error", StringComparison.Ordinal);

    public async Task<LambdaApi> LambdaAsync(CancellationToken cancellation)
    {
        await EnsureStartedAsync(cancellation);
        return lambda!;
    }

    /// <summary>Starts serverless-offline with the current configuration, or restarts it after a change.</summary>
    public async Task<EmulatorPorts> EnsureStartedAsync(CancellationToken cancellation)
    {
        await starting.WaitAsync(cancellation);
        try
        {
            if (stack.Lost is { } lost) throw new TargetUnavailableException(lost);
            if (offline is { HasExited: true })
                throw new TargetUnavailableException($"target lost: serverless-offline ({service.Name}) exited.\n{offline.RecentOutput}");
            if (offline is not null && startedVersion == configurationVersion) return offline.Ports;
            await StopAsync();
            int version;
            lock (Gate) version = configurationVersion;
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

    private async Task StopAsync()
    {
        if (offline is not null) await offline.DisposeAsync();
        offline = null;
        lambdaHttp?.Dispose();
        (lambdaHttp, lambda) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        starting.Dispose();
    }
}
