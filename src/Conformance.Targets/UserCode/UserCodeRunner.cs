using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Functions;

namespace Conformance.Targets.UserCode;

/// <summary>
/// Runs a user's functions for the reference engine as real processes behind the Runtime API. Each
/// function keeps a pool of execution environments: an invocation reuses one that is free on the
/// engine's clock and cold-starts another when all are busy (concurrent invocations), when the last
/// one's process ended (a crash, a timeout), or when the code or version differs.
/// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html)
/// </summary>
public sealed class UserCodeRunner(string region, Action<string>? diagnostics = null) : ICodeRunner, IAsyncDisposable
{
    private readonly Dictionary<(string Function, string Version, FunctionCode Code), List<ExecutionEnvironment>> pools = [];
    private readonly object gate = new();

    /// <summary>How long an environment's init may take: Lambda's init phase is limited to 10 seconds (lambda-runtime-environment.html).</summary>
    public TimeSpan InitLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The AWS services the code may call (the reference target's SQS), set by the target that runs it.</summary>
    public IFunctionServices? Services { get; set; }

    /// <summary>How many environments were started (cold starts), for the scenario's evidence and the tests.</summary>
    public int ColdStarts { get; private set; }

    public CodeRun Run(CodeInvocation invocation)
    {
        lock (gate) return RunAsync(invocation).GetAwaiter().GetResult();
    }

    private async Task<CodeRun> RunAsync(CodeInvocation invocation)
    {
        var spec = invocation.Spec;
        var code = spec.Code!;
        var (launch, problem) = RuntimeLaunch.For(spec.Name, code);
        if (launch is null)
        {
            diagnostics?.Invoke(problem!);
            return new CodeRun(CodeOutcome.FunctionError, new JsonObject { ["errorType"] = "Runtime.InvalidEntrypoint", ["errorMessage"] = problem }.ToJsonString(), TimeSpan.Zero, [problem!]);
        }
        var key = (spec.Name, invocation.Version, code);
        if (!pools.TryGetValue(key, out var pool)) pools[key] = pool = [];
        foreach (var gone in pool.Where(e => !e.Alive).ToList())
        {
            pool.Remove(gone);
            await gone.DisposeAsync();
        }
        var environment = pool.FirstOrDefault(e => e.BusyUntil <= invocation.Start);
        if (environment is null)
        {
            environment = ExecutionEnvironment.Start(spec, launch, region, invocation.Version, Services);
            ColdStarts++;
            if (await environment.InitAsync(invocation.RequestId, InitLimit) is { } failedInit)
            {
                await environment.DisposeAsync();
                Report(spec.Name, "init failed", failedInit);
                return failedInit;
            }
            pool.Add(environment);
        }
        environment.BusyUntil = invocation.Start + invocation.BusyFor;
        var run = await environment.InvokeAsync(invocation, spec.Timeout);
        if (run.Outcome != CodeOutcome.Succeeded && !environment.Alive) Report(spec.Name, "its process ended", run);
        return run;
    }

    private void Report(string function, string what, CodeRun run)
    {
        if (diagnostics is null) return;
        var cause = run.Outcome == CodeOutcome.TimedOut ? "timed out" : Summary(run.Payload);
        var detail = run.LogLines.LastOrDefault(l => l.StartsWith("conformance:", StringComparison.Ordinal));
        diagnostics($"function \"{function}\": {what}: {cause}{(detail is null ? "" : $" ({detail["conformance: ".Length..]})")}");
    }

    /// <summary>"type: message" of an error document, without its trace.</summary>
    private static string Summary(string document)
    {
        try
        {
            var error = JsonNode.Parse(document);
            return $"{error?["errorType"]}: {error?["errorMessage"]}";
        }
        catch (System.Text.Json.JsonException)
        {
            return document;
        }
    }

    /// <summary>Stops every environment's process and Runtime API.</summary>
    public async ValueTask DisposeAsync()
    {
        List<ExecutionEnvironment> all;
        lock (gate)
        {
            all = [.. pools.Values.SelectMany(p => p)];
            pools.Clear();
        }
        foreach (var environment in all) await environment.DisposeAsync();
    }
}
