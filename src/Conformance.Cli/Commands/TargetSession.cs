using Conformance.Core.Functions;
using Conformance.Core.Targets;
using Conformance.Targets.Aws;
using Conformance.Targets.Emulator;
using Conformance.Targets.Reference;
using Conformance.Targets.ServerlessAwsLambda;

namespace Conformance.Cli.Commands;

/// <summary>
/// The target a run uses: how to build each scenario's <see cref="ITarget"/>, and whatever lives for the
/// whole run (the emulator stack's processes), stopped when the session is disposed, also after a
/// failure or Ctrl+C.
/// </summary>
internal sealed class TargetSession : IAsyncDisposable
{
    /// <summary>
    /// The targets. A local emulator is named after its package (serverless-aws-lambda); "emulator" is the
    /// serverless-offline stack, the kit's first, under the name it has always had.
    /// </summary>
    public static readonly string[] Names = ["reference", "emulator", "serverless-aws-lambda", "localstack", "aws"];

    /// <summary>What each target can do, known without connecting to it (for `list targets` and `plan`).</summary>
    public static TargetCapabilities Declared(string name) => name switch
    {
        "reference" => new ReferenceTarget().Capabilities,
        "emulator" => EmulatorTarget.Declared,
        "serverless-aws-lambda" => AwsLambdaTarget.Declared,
        "localstack" or "aws" => AwsTarget.Declared,
        _ => throw new ArgumentException($"unknown target '{name}'"),
    };

    /// <summary>LocalStack's edge port, where the localstack target looks unless --endpoint says otherwise.</summary>
    public static readonly Uri LocalStackEndpoint = new("http://127.0.0.1:4566");

    private readonly IAsyncDisposable? resources;

    private TargetSession(string name, Func<ITarget> create, IAsyncDisposable? resources, Action? interrupt = null, Func<string?>? lost = null)
    {
        Name = name;
        Create = create;
        this.resources = resources;
        Interrupt = interrupt ?? (() => { });
        Lost = lost ?? (() => null);
    }

    /// <summary>Why the target can serve no more scenarios (e.g. "target lost: DynamoDB Local (java) exited ..."), or null.</summary>
    public Func<string?> Lost { get; }

    /// <summary>Ends every wait on the target at once (Ctrl+C), so the run can write its reports and clean up.</summary>
    public Action Interrupt { get; }

    public string Name { get; }

    public Func<ITarget> Create { get; }

    /// <summary>Starts the target; throws <see cref="Conformance.Targets.TargetUnavailableException"/> when it cannot run here.</summary>
    public static async Task<TargetSession> StartAsync(string name, TargetOptions options, TextWriter progress, CancellationToken cancellation)
    {
        options.ExpectMeaningfulFor(name);
        switch (name)
        {
            case "emulator":
                var stack = await EmulatorStack.StartAsync(progress, cancellation);
                return new TargetSession(name, stack.CreateTarget, stack, stack.Interrupt, () => stack.Lost);
            case "serverless-aws-lambda":
                var awsLambda = await AwsLambdaStack.StartAsync(progress, cancellation);
                return new TargetSession(name, awsLambda.CreateTarget, awsLambda, awsLambda.Interrupt);
            case "localstack" when options.Endpoint is null && LocalStackContainer.DockerAvailable():
                var (endpoint, container) = await LocalStackContainer.StartAsync(progress, cancellation);
                try
                {
                    var inContainer = await StartAwsAsync(name, options with { Endpoint = endpoint.ToString() }, progress, cancellation);
                    return new TargetSession(name, inContainer.CreateTarget, new Both(inContainer, container), inContainer.Interrupt);
                }
                catch
                {
                    await container.DisposeAsync();
                    throw;
                }
            case "localstack" or "aws":
                var run = await StartAwsAsync(name, options, progress, cancellation);
                return new TargetSession(name, run.CreateTarget, run, run.Interrupt);
            default:
                return new TargetSession(name, () => new ReferenceTarget(options.Seed, code: UserCode(options.Functions, progress)), null);
        }
    }

    /// <summary>The runner of a user project's functions, whose problems (an init that failed, a process that ended) are told on the console.</summary>
    private static Conformance.Targets.UserCode.UserCodeRunner? UserCode(DeclaredFunctions functions, TextWriter progress)
    {
        if (functions.All.Count == 0) return null;
        return new Conformance.Targets.UserCode.UserCodeRunner(new Conformance.Engine.EngineSettings().Region, line =>
        {
            lock (progress) progress.WriteLine(Output.Redaction.Redact("  " + line));
        });
    }

    private static async Task<AwsRun> StartAwsAsync(string name, TargetOptions options, TextWriter progress, CancellationToken cancellation)
    {
        var settings = options.AwsSettings(name);
        await progress.WriteLineAsync($"run id: {settings.RunId} (if the run is killed, `conformance cleanup --target {name} --run-id {settings.RunId}` removes what it left)");
        return await AwsRun.StartAsync(settings, EmulatorInstallation.Locate().ProbeFile, cancellation);
    }

    public ValueTask DisposeAsync() => resources?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The run's resources first, then the container they live in.</summary>
    private sealed class Both(IAsyncDisposable first, IAsyncDisposable then) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await first.DisposeAsync();
            await then.DisposeAsync();
        }
    }
}

/// <summary>What the command line says about the target: the reference engine's seed, and for AWS and LocalStack where and as whom.</summary>
internal sealed record TargetOptions(int Seed, string? Endpoint, string? Region, string? RoleArn, string? RunId)
{
    /// <summary>The user project's own functions (<c>conformance.json</c>), run for real by the target.</summary>
    public DeclaredFunctions Functions { get; init; } = new();

    /// <summary>The AWS settings of the aws or localstack target; a bad --endpoint is a usage error.</summary>
    public AwsSettings AwsSettings(string target)
    {
        Uri? endpoint = null;
        if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out endpoint))
            throw new ArgumentException($"--endpoint: '{Endpoint}' is not an absolute URL (e.g. http://127.0.0.1:4566).");
        if (target == "localstack") endpoint ??= TargetSession.LocalStackEndpoint;
        // On AWS's own endpoints a Region the SDK does not know would only fail later, as an address that does not answer.
        if (endpoint is null && Region is not null && !Amazon.RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == Region))
            throw new ArgumentException($"--region: '{Region}' is not an AWS Region (e.g. us-east-1, eu-west-1).");
        return Conformance.Targets.Aws.AwsSettings.FromEnvironment(Region, endpoint, RoleArn, RunId ?? NewRunId());
    }

    /// <summary>
    /// Refuses an option that means nothing for <paramref name="target"/> (e.g. <c>--endpoint</c> with the
    /// emulator, which starts its own servers), so a mistaken run is not silently made without it.
    /// </summary>
    public void ExpectMeaningfulFor(string target)
    {
        if (target is "localstack" or "aws") return;
        var given = new[] { ("--endpoint", Endpoint), ("--region", Region), ("--role-arn", RoleArn), ("--run-id", RunId) }
            .Where(o => o.Item2 is not null).Select(o => o.Item1).ToList();
        if (given.Count > 0)
            throw new ArgumentException($"{string.Join(", ", given)} {(given.Count == 1 ? "means" : "mean")} nothing for the {target} target (only for localstack and aws); leave {(given.Count == 1 ? "it" : "them")} out.");
    }

    /// <summary>Eight lowercase hex digits: short enough for Lambda's 64-character names, unique enough per account.</summary>
    public static string NewRunId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
}
