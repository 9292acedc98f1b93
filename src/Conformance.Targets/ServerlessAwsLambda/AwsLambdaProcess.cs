using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Targets.Emulator;
using Conformance.Targets.Processes;

namespace Conformance.Targets.ServerlessAwsLambda;

/// <summary>
/// One scenario's serverless-aws-lambda (<c>sls aws-lambda</c>): its Lambda Invoke API, its API Gateway
/// routes and its SQS (<c>/@sqs</c>, the plugin it ships) on one loopback port. It listens on every
/// interface by itself, so <c>loopback.cjs</c> is preloaded to bind 127.0.0.1; it runs under the guard,
/// which ends its whole process group (the esbuild child included) when the harness goes away.
/// </summary>
public sealed class AwsLambdaProcess : IServerlessProcess
{
    /// <summary>The line serverless-aws-lambda prints once it serves (serverless-aws-lambda 4.8.4).</summary>
    private const string ReadyLine = "AWS Lambda local server is listening on";

    private readonly ChildProcess process;

    private AwsLambdaProcess(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => process.HasExited;

    public string RecentOutput => process.RecentOutput;

    public Uri LambdaUrl => new($"http://127.0.0.1:{Port}");

    public Uri HttpUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// Writes the service (the plugin, its port, its configuration file with the SQS plugin) and starts it
    /// on <paramref name="port"/>, the scenario's own for all its starts, so its SQS keeps one address.
    /// </summary>
    public static async Task<IServerlessProcess> StartAsync(AwsLambdaStack stack, ServerlessService service, string directory, int port, string sinkUrl, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var custom = new JsonObject { ["serverless-aws-lambda"] = new JsonObject { ["port"] = port, ["configPath"] = "./config.default" } };
        await File.WriteAllTextAsync(Path.Combine(directory, "serverless.json"),
            service.ToJson(new JsonArray("serverless-aws-lambda"), custom, sinkUrl).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellation);
        var installed = stack.Installation.InstalledDirectory;
        File.Copy(stack.Installation.ProbeFile, Path.Combine(directory, "probe.js"), overwrite: true);
        File.Copy(Path.Combine(installed, "config.cjs"), Path.Combine(directory, "config.js"), overwrite: true);
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
            ["NODE_OPTIONS"] = $"--require {Path.Combine(installed, "loopback.cjs")}",
        };
        var serverless = Path.Combine(stack.Installation.NodeModules, "serverless", "bin", "serverless.js");
        ChildProcess child;
        try
        {
            child = ChildProcess.Start($"serverless-aws-lambda ({service.Name})", "node",
                stack.Installation.Guarded("node", [serverless, "aws-lambda", "-s", ServerlessService.Stage]), directory, environment,
                line => line.Contains(ReadyLine, StringComparison.Ordinal));
        }
        catch (ChildProcessFailedException ex)
        {
            throw new TargetUnavailableException(ex.Message);
        }
        var started = new AwsLambdaProcess(child, port);
        try
        {
            await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), cancellation);
            return started;
        }
        catch (ChildProcessFailedException ex)
        {
            await started.DisposeAsync();
            throw new TargetUnavailableException($"{ex.Message}\n{ex.Output}");
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
