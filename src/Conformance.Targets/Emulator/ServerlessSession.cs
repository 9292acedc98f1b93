using Conformance.Core.Invocation;
using Conformance.Targets.Http;

namespace Conformance.Targets.Emulator;

/// <summary>A running serverless process of one scenario: where its Lambda API and its HTTP routes answer.</summary>
public interface IServerlessProcess : IAsyncDisposable
{
    bool HasExited { get; }

    string RecentOutput { get; }

    /// <summary>The base URL of the Lambda Invoke API.</summary>
    Uri LambdaUrl { get; }

    /// <summary>The base URL of the API Gateway routes.</summary>
    Uri HttpUrl { get; }
}

/// <summary>
/// A scenario's serverless process (serverless-offline, serverless-aws-lambda) and the configuration it
/// runs (<see cref="ServerlessService"/>). The emulator's control plane is its configuration file: a
/// change counts as a new configuration version, and the process is (re)started with the current version
/// when the scenario next acts. One start at a time; <see cref="Gate"/> guards the configuration and the version.
/// </summary>
/// <param name="processName">The emulator's name, for what the scenario is told when it is lost.</param>
/// <param name="service">The configuration the process runs.</param>
/// <param name="lost">Why the emulator's shared parts are gone, if they are.</param>
/// <param name="launch">Writes the configuration and starts the process with it.</param>
/// <param name="changeAfterActing">
/// For an emulator whose restart loses what the scenario put in (serverless-aws-lambda keeps its queues
/// in its process): what a configuration change after the scenario acted is, instead of a restart.
/// </param>
internal sealed class ServerlessSession(string processName, ServerlessService service, Func<string?> lost,
    Func<CancellationToken, Task<IServerlessProcess>> launch, Func<NotSupportedException>? changeAfterActing = null) : IAsyncDisposable
{
    private bool acted;

    /// <summary>The scenario put something in or called the emulator (an invocation, a message, a request, time passing).</summary>
    public void Acted()
    {
        lock (Gate) acted = true;
    }

    private void RefuseAChangeAfterActing()
    {
        if (acted && changeAfterActing is not null) throw changeAfterActing();
    }

    /// <summary>How long one request to the emulator may take: longer than Lambda's longest timeout (15 min).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(16);

    private readonly SemaphoreSlim starting = new(1, 1);
    private IServerlessProcess? running;
    private HttpClient? lambdaHttp;
    private LambdaApi? lambda;
    private int configurationVersion;
    private int startedVersion = -1;

    public Lock Gate { get; } = new();

    public ServerlessService Service => service;

    /// <summary>How many times the process was started (each start costs 2-3 s of CPU).</summary>
    public int Starts { get; private set; }

    /// <summary>The configuration changed: the next act restarts the emulator. Call under <see cref="Gate"/>.</summary>
    public void Changed()
    {
        RefuseAChangeAfterActing();
        configurationVersion++;
    }

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
            RefuseAChangeAfterActing();
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

    /// <summary>Starts the process with the current configuration, or restarts it after a change.</summary>
    public async Task<IServerlessProcess> EnsureStartedAsync(CancellationToken cancellation)
    {
        await starting.WaitAsync(cancellation);
        try
        {
            if (lost() is { } reason) throw new TargetUnavailableException(reason);
            if (running is { HasExited: true })
                throw new TargetUnavailableException($"target lost: {processName} ({service.Name}) exited.\n{running.RecentOutput}");
            if (running is not null && startedVersion == configurationVersion) return running;
            await StopAsync();
            int version;
            lock (Gate) version = configurationVersion;
            running = await launch(cancellation);
            startedVersion = version;
            Starts++;
            lambdaHttp = new HttpClient { BaseAddress = running.LambdaUrl, Timeout = RequestTimeout };
            lambda = new LambdaApi(lambdaHttp);
            return running;
        }
        finally
        {
            starting.Release();
        }
    }

    private async Task StopAsync()
    {
        if (running is not null) await running.DisposeAsync();
        running = null;
        lambdaHttp?.Dispose();
        (lambdaHttp, lambda) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        starting.Dispose();
    }
}
