using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Functions;
using Conformance.Targets.Processes;

namespace Conformance.Targets.UserCode;

/// <summary>
/// One execution environment of a user's function: its runtime process and that process's Runtime API
/// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html). It is initialised
/// once (the process starts and asks for its first invocation), then reused for one invocation at a
/// time until its process ends: after a timeout it is stopped, as Lambda replaces the environment, and
/// a process that exits by itself is gone too.
/// </summary>
internal sealed class ExecutionEnvironment : IAsyncDisposable
{
    private readonly RuntimeApiEndpoint endpoint;
    private readonly ChildProcess process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string function;
    private Task<HttpListenerContext>? pendingNext; // the code's next request, asked for as soon as it answered the last

    private IFunctionServices? services;

    private ExecutionEnvironment(string function, RuntimeApiEndpoint endpoint, ChildProcess process)
    {
        this.function = function;
        this.endpoint = endpoint;
        this.process = process;
        process.LineWritten += line => output.Enqueue(line);
        process.ExitedByItself += _ => exited.TrySetResult();
    }

    /// <summary>Busy on the engine's clock until then.</summary>
    public DateTimeOffset BusyUntil { get; set; }

    public bool Alive => !exited.Task.IsCompleted && !process.HasExited;

    /// <summary>Starts the runtime process with Lambda's environment variables; the host's own (credentials among them) are not passed on.</summary>
    public static ExecutionEnvironment Start(FunctionSpec spec, RuntimeLaunch launch, string region, string version, IFunctionServices? services)
    {
        var code = spec.Code!;
        var endpoint = new RuntimeApiEndpoint(FreePorts.Next());
        var variables = new Dictionary<string, string>(code.Environment)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = endpoint.Address,
            ["_HANDLER"] = code.Handler,
            ["LAMBDA_TASK_ROOT"] = code.Directory,
            ["LAMBDA_RUNTIME_DIR"] = Path.GetDirectoryName(RuntimeLaunch.NodeBootstrap)!,
            ["AWS_EXECUTION_ENV"] = $"AWS_Lambda_{code.Runtime}",
            ["AWS_LAMBDA_FUNCTION_NAME"] = spec.Name,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = version,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = code.MemorySize.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{spec.Name}",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[{version}]{Guid.NewGuid():N}",
            ["AWS_REGION"] = region,
            ["AWS_DEFAULT_REGION"] = region,
            ["TZ"] = ":UTC",
            ["LANG"] = "en_US.UTF-8",
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            // The SDKs' service-specific endpoint variable: the code's SQS calls reach the engine's queues.
            // Lambda gives the code its role's credentials; here, stand-ins that sign nothing real.
            ["AWS_ENDPOINT_URL_SQS"] = $"http://{endpoint.Address}",
            ["AWS_ACCESS_KEY_ID"] = "reference",
            ["AWS_SECRET_ACCESS_KEY"] = "reference",
        };
        try
        {
            var child = ChildProcess.Start($"function {spec.Name}", launch.Program, launch.Arguments, code.Directory, variables, _ => false, inheritEnvironment: false);
            return new ExecutionEnvironment(spec.Name, endpoint, child) { services = services };
        }
        catch
        {
            endpoint.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Runs one invocation: hands the event to the code's <c>next</c> request and waits for its answer, up to the timeout.</summary>
    public async Task<CodeRun> InvokeAsync(CodeInvocation invocation, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        output.Clear();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var next = await FirstOf(pendingNext ?? endpoint.NextRequestAsync(deadline.Token).AsTask(), deadline.Token);
            pendingNext = null;
            if (next is null) return Ended(invocation.RequestId, clock, "before it asked for an invocation");
            var headers = new Dictionary<string, string>
            {
                ["Lambda-Runtime-Deadline-Ms"] = (DateTimeOffset.UtcNow + timeout - clock.Elapsed).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn,
                ["Lambda-Runtime-Trace-Id"] = TraceHeader(invocation.RequestId),
            };
            var answer = await AnswerAsync(endpoint.HandOverAsync(next, invocation.RequestId, invocation.Payload, headers), deadline.Token);
            if (answer is null) return Ended(invocation.RequestId, clock, "before it answered the invocation");
            pendingNext = endpoint.NextRequestAsync(CancellationToken.None).AsTask();
            return new CodeRun(answer.IsError ? CodeOutcome.FunctionError : CodeOutcome.Succeeded, answer.Body, clock.Elapsed, Lines());
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await process.DisposeAsync(); // Lambda stops an environment whose invocation timed out
            exited.TrySetResult();
            return new CodeRun(CodeOutcome.TimedOut, "", clock.Elapsed, Lines());
        }
    }

    /// <summary>Waits for the code's first <c>next</c> request (its init done), a reported init error, or the end of its process.</summary>
    public async Task<CodeRun?> InitAsync(string requestId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        var next = endpoint.NextRequestAsync(deadline.Token).AsTask();
        try
        {
            var first = await Task.WhenAny(next, endpoint.InitError.Task, exited.Task, Task.Delay(Timeout.Infinite, deadline.Token));
            if (first == next && next.IsCompletedSuccessfully)
            {
                pendingNext = next;
                return null;
            }
            if (first == endpoint.InitError.Task)
            {
                await exited.Task.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
                return new CodeRun(CodeOutcome.FunctionError, Document(endpoint.InitError.Task.Result.Body), clock.Elapsed, Lines());
            }
            if (first == exited.Task) return Ended(requestId, clock, "during init");
            throw new OperationCanceledException();
        }
        catch (OperationCanceledException)
        {
            output.Enqueue($"conformance: function \"{function}\": its process ran for {timeout.TotalSeconds:0} s without asking the Runtime API for an invocation (GET /2018-06-01/runtime/invocation/next); was it started with the right bootstrap?");
            await process.DisposeAsync();
            exited.TrySetResult();
            return new CodeRun(CodeOutcome.TimedOut, "", clock.Elapsed, Lines());
        }
    }

    /// <summary>The process ended before answering: Lambda's <c>Runtime.ExitError</c>, with what it printed kept in the log.</summary>
    private CodeRun Ended(string requestId, Stopwatch clock, string when)
    {
        var message = $"RequestId: {requestId} Error: Runtime exited with error: exit status {process.ExitCode}";
        output.Enqueue($"conformance: function \"{function}\": its process exited with code {process.ExitCode} {when}.");
        var document = new JsonObject { ["errorType"] = "Runtime.ExitError", ["errorMessage"] = message };
        return new CodeRun(CodeOutcome.FunctionError, document.ToJsonString(), clock.Elapsed, Lines());
    }

    /// <summary>The code's answer, serving the service calls it makes meanwhile; null when its process ended first.</summary>
    private async Task<RuntimeAnswer?> AnswerAsync(Task<RuntimeAnswer> answer, CancellationToken deadline)
    {
        while (true)
        {
            var call = endpoint.ServiceCalls.Reader.WaitToReadAsync(deadline).AsTask();
            var first = await Task.WhenAny(answer, call, exited.Task);
            deadline.ThrowIfCancellationRequested();
            if (first == answer) return await answer;
            if (first == exited.Task) return null;
            while (endpoint.ServiceCalls.Reader.TryRead(out var served))
            {
                var (status, body) = services?.Call(served.Target, served.Body, $"http://{endpoint.Address}")
                    ?? (400, """{"__type":"UnsupportedOperation","message":"No AWS service is served to this function's code."}""");
                await RuntimeApiEndpoint.AnswerServiceCallAsync(served, status, body);
            }
        }
    }

    private async Task<T?> FirstOf<T>(Task<T> work, CancellationToken deadline) where T : class
    {
        var first = await Task.WhenAny(work, exited.Task, Task.Delay(Timeout.Infinite, deadline));
        deadline.ThrowIfCancellationRequested();
        return first == work ? await work : null;
    }

    /// <summary>An init error as the runtime posted it; a body that is no JSON object is kept as the message.</summary>
    private static string Document(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject) return body;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new JsonObject { ["errorType"] = "Runtime.Unknown", ["errorMessage"] = body }.ToJsonString();
    }

    /// <summary>An X-Ray trace header of the documented form, made from the request id so a run repeats.</summary>
    private static string TraceHeader(string requestId)
    {
        var hex = requestId.Replace("-", "", StringComparison.Ordinal).PadRight(32, '0');
        return $"Root=1-{hex[..8]}-{hex[8..32]};Parent={hex[16..32]};Sampled=0";
    }

    private IReadOnlyList<string> Lines() => [.. output];

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        await endpoint.DisposeAsync();
    }
}
