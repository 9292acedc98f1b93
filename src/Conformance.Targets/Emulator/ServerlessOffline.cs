using System.Text.Json;
using Conformance.Targets.Processes;

namespace Conformance.Targets.Emulator;

/// <summary>
/// One <c>serverless offline start</c> process for a scenario's service, with the verified workarounds
/// of local-emulators.md: telemetry and notifications off, dummy credentials, a second
/// unhandled-rejection listener so a failing Event invocation does not crash the CLI, and
/// <c>--reloadHandler</c> so a timed-out instance is never reused.
/// </summary>
public sealed class ServerlessOffline : IServerlessProcess
{
    private readonly ChildProcess process;

    private ServerlessOffline(ChildProcess process, EmulatorPorts ports)
    {
        this.process = process;
        Ports = ports;
    }

    public EmulatorPorts Ports { get; }

    public bool HasExited => process.HasExited;

    public string RecentOutput => process.RecentOutput;

    public Uri LambdaUrl => new($"http://127.0.0.1:{Ports.Lambda}");

    public Uri HttpUrl => new($"http://127.0.0.1:{Ports.Http}");

    /// <summary>Starts serverless-offline with the service, and waits until its Kinesis pollers hold their positions.</summary>
    public static async Task<IServerlessProcess> LaunchAsync(EmulatorStack stack, ServerlessService service, string directory, CancellationToken cancellation)
    {
        var iteratorsBefore = await stack.Kinesis.ShardIteratorsHandedOutAsync(cancellation);
        var offline = await StartAsync(stack, service, directory, cancellation);
        await UntilKinesisPollersHoldTheirPositionsAsync(stack, service, iteratorsBefore, cancellation);
        return offline;
    }

    /// <summary>
    /// serverless-offline says it listens before its Kinesis plugin has asked for a shard iterator; a
    /// record put meanwhile is behind a LATEST position taken later, and lost. Ready means every
    /// Kinesis stream of the scenario has handed out a new iterator (up to 15 s; after that the
    /// scenario goes on and shows what the emulator does).
    /// </summary>
    private static async Task UntilKinesisPollersHoldTheirPositionsAsync(EmulatorStack stack, ServerlessService service,
        IReadOnlyDictionary<string, int> before, CancellationToken cancellation)
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

    public static async Task<ServerlessOffline> StartAsync(EmulatorStack stack, ServerlessService service, string directory, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var ports = new EmulatorPorts(FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        await File.WriteAllTextAsync(Path.Combine(directory, "serverless.json"),
            service.ToJson(ports, stack).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellation);
        File.Copy(stack.Installation.ProbeFile, Path.Combine(directory, "probe.js"), overwrite: true);
        var modules = Path.Combine(directory, "node_modules");
        if (!Path.Exists(modules)) Directory.CreateSymbolicLink(modules, stack.Installation.NodeModules);

        var environment = new Dictionary<string, string>
        {
            ["SLS_TELEMETRY_DISABLED"] = "1",
            ["SLS_NOTIFICATIONS_MODE"] = "off",
            ["SLS_DEPRECATION_DISABLE"] = "*",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_SESSION_TOKEN"] = "",
            ["AWS_REGION"] = EmulatorStack.Region,
            ["NODE_OPTIONS"] = $"--require {Path.Combine(stack.Installation.InstalledDirectory, "keepalive.cjs")}",
        };
        var serverless = Path.Combine(stack.Installation.NodeModules, "serverless", "bin", "serverless.js");
        ChildProcess child;
        try
        {
            // With HTTP routes the server prints "Server ready" last; without them only the Lambda port opens.
            var hasRoutes = service.HasHttpRoutes;
            child = ChildProcess.Start($"serverless-offline ({service.Name})", "node",
                stack.Installation.Guarded("node", [serverless, "offline", "start", "--reloadHandler"]), directory, environment,
                line => line.Contains("Server ready", StringComparison.Ordinal)
                    || (!hasRoutes && line.Contains("[http for lambda] listening", StringComparison.Ordinal)));
        }
        catch (ChildProcessFailedException ex)
        {
            throw new TargetUnavailableException(ex.Message);
        }
        var offline = new ServerlessOffline(child, ports);
        try
        {
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellation);
            return offline;
        }
        catch (ChildProcessFailedException ex)
        {
            await offline.DisposeAsync();
            throw new TargetUnavailableException($"{ex.Message}\n{ex.Output}");
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
