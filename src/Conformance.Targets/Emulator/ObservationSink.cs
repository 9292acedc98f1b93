using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Targets.Emulator;

/// <summary>What the sink hands each observation to: the scenario's target that owns the function.</summary>
public interface IObservationListener
{
    /// <summary>Records a started invocation; returns the attempt number and the behaviour to play.</summary>
    JsonObject Started(ProbeProtocol.Started started);

    void Ended(ProbeProtocol.Ended ended);
}

/// <summary>
/// The probe's observation sink on loopback: an HTTP server the deployed probes post to when an
/// invocation starts (<c>/started</c>, answered with the attempt number and the behaviour) and ends
/// (<c>/ended</c>).
/// </summary>
public sealed class ObservationSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, IObservationListener> functions = new(StringComparer.Ordinal);
    private readonly Task loop;

    public ObservationSink(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(() => Processes.LoopbackServer.AcceptAsync(listener, HandleAsync));
    }

    public string Url { get; }

    public void RegisterFunction(string deployedName, IObservationListener owner) => functions[deployedName] = owner;

    public void Unregister(IObservationListener owner)
    {
        foreach (var (key, value) in functions) if (ReferenceEquals(value, owner)) functions.TryRemove(key, out _);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var (status, answer) = (200, "{}");
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync()) ?? new JsonObject();
            switch (context.Request.Url?.AbsolutePath)
            {
                case "/started":
                    var started = ProbeProtocol.Started.Parse(body);
                    Traffic.Log("probe", $"{started.FunctionName} started (request {started.RequestId})");
                    if (functions.TryGetValue(started.FunctionName, out var owner)) answer = owner.Started(started).ToJsonString();
                    else (status, answer) = (404, $"{{\"message\":\"no scenario owns {started.FunctionName}\"}}");
                    break;
                case "/ended":
                    var ended = ProbeProtocol.Ended.Parse(body);
                    Traffic.Log("probe", $"{ended.FunctionName} ended: {ended.Outcome} (request {ended.RequestId})");
                    if (functions.TryGetValue(ended.FunctionName, out var endedOwner)) endedOwner.Ended(ended);
                    break;
                default:
                    status = 404;
                    break;
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            (status, answer) = (400, new JsonObject { ["message"] = ex.Message }.ToJsonString());
        }
        try
        {
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // the probe went away (its invocation timed out); nothing to answer
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
