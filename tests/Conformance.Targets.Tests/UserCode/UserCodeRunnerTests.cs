using System.Diagnostics;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Targets.Reference;
using Conformance.Targets.UserCode;

namespace Conformance.Targets.Tests.UserCode;

/// <summary>The reference target running real user code (Node.js and custom bootstraps) behind the Runtime API.</summary>
[Trait("Tier", "integration")]
public sealed class UserCodeRunnerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("user-code-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private FunctionSpec Node(string source, int timeoutSeconds = 3, IReadOnlyDictionary<string, string>? environment = null)
    {
        File.WriteAllText(Path.Combine(folder, "app.js"), source);
        return new FunctionSpec("orders", new FunctionBehaviour())
        {
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Code = new FunctionCode(folder, "app.handler", "nodejs20.x") { MemorySize = 256, Environment = environment ?? new Dictionary<string, string>() },
        };
    }

    private FunctionSpec Bootstrap(string script)
    {
        var path = Path.Combine(folder, "bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FunctionSpec("orders", new FunctionBehaviour()) { Code = new FunctionCode(folder, "unused", "provided.al2023") };
    }

    private static async Task<InvokeResponse> Invoke(ReferenceTarget target, string payload = "{}") =>
        await target.InvokeAsync(new InvokeRequest("orders", InvocationType.RequestResponse, payload));

    [Fact]
    public async Task The_handler_gets_the_event_and_Lambda_s_context_and_its_answer_is_the_response()
    {
        var runner = new UserCodeRunner("eu-west-1");
        await using var target = new ReferenceTarget(code: runner);
        await target.CreateFunctionAsync(Node("""
            exports.handler = async (event, context) => ({
              echo: event.order, name: context.functionName, requestId: context.awsRequestId, arn: context.invokedFunctionArn,
              memory: context.memoryLimitInMB, remaining: context.getRemainingTimeInMillis(), region: process.env.AWS_REGION,
              greeting: process.env.GREETING, secret: process.env.AWS_SECRET_ACCESS_KEY, host: process.env.CONFORMANCE_HOST_ONLY ?? null, trace: process.env._X_AMZN_TRACE_ID,
            });
            """, environment: new Dictionary<string, string> { ["GREETING"] = "hello" }));

        Environment.SetEnvironmentVariable("CONFORMANCE_HOST_ONLY", "of the host");
        var response = await Invoke(target, """{"order":42}""");

        response.FunctionError.ShouldBeNull(response.Payload);
        var body = JsonNode.Parse(response.Payload!)!;
        body["echo"]!.GetValue<int>().ShouldBe(42);
        body["name"]!.GetValue<string>().ShouldBe("orders");
        body["requestId"]!.GetValue<string>().ShouldBe(response.RequestId);
        body["arn"]!.GetValue<string>().ShouldEndWith(":function:orders");
        body["memory"]!.GetValue<string>().ShouldBe("256");
        body["remaining"]!.GetValue<double>().ShouldBeInRange(1, 3000);
        body["region"]!.GetValue<string>().ShouldBe("eu-west-1");
        body["greeting"]!.GetValue<string>().ShouldBe("hello");
        body["secret"]!.GetValue<string>().ShouldBe("reference"); // a stand-in, never the host's credentials
        body["host"].ShouldBeNull(); // nothing of the host's environment is passed on
        body["trace"]!.GetValue<string>().ShouldStartWith("Root=1-");
    }

    [Fact]
    public async Task An_environment_is_reused_between_invocations_and_replaced_after_a_timeout()
    {
        var runner = new UserCodeRunner("us-east-1");
        await using var target = new ReferenceTarget(code: runner);
        await target.CreateFunctionAsync(Node("""
            let count = 0;
            exports.handler = async (event) => {
              count++;
              if (event.sleep) await new Promise((resolve) => setTimeout(resolve, 5000));
              return count;
            };
            """, timeoutSeconds: 1));

        (await Invoke(target)).Payload.ShouldBe("1");
        await target.AdvanceAsync(TimeSpan.FromSeconds(1)); // the first has ended on the clock, so its environment is free
        (await Invoke(target)).Payload.ShouldBe("2");
        runner.ColdStarts.ShouldBe(1);
        (await Invoke(target)).Payload.ShouldBe("1"); // at the same instant as the second: concurrent, so a cold start
        runner.ColdStarts.ShouldBe(2);

        await target.AdvanceAsync(TimeSpan.FromSeconds(1));
        var timedOut = await Invoke(target, """{"sleep":true}""");
        timedOut.FunctionError.ShouldBe("Unhandled");
        timedOut.Payload!.ShouldContain("Task timed out after 1.00 seconds");

        await target.AdvanceAsync(TimeSpan.FromSeconds(1));
        var after = await Invoke(target);
        after.Payload.ShouldBe("2"); // the timed-out environment (count 3) is gone; the other one (count 1) serves
        runner.ColdStarts.ShouldBe(2);
    }

    [Fact]
    public async Task A_thrown_error_is_the_function_error_with_the_code_s_own_type_and_message()
    {
        await using var target = new ReferenceTarget(code: new UserCodeRunner("us-east-1"));
        await target.CreateFunctionAsync(Node("""
            class OrderRejected extends Error { constructor(m) { super(m); this.name = 'OrderRejected'; } }
            exports.handler = async () => { throw new OrderRejected('order 7 has no lines'); };
            """));

        var response = await Invoke(target);

        response.StatusCode.ShouldBe(200);
        response.FunctionError.ShouldBe("Unhandled");
        var error = JsonNode.Parse(response.Payload!)!;
        error["errorType"]!.GetValue<string>().ShouldBe("OrderRejected");
        error["errorMessage"]!.GetValue<string>().ShouldBe("order 7 has no lines");
        error["trace"]!.AsArray().Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_callback_handler_answers_through_its_callback()
    {
        await using var target = new ReferenceTarget(code: new UserCodeRunner("us-east-1"));
        await target.CreateFunctionAsync(Node("exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { ok: event.n + 1 }), 10); };"));

        (await Invoke(target, """{"n":1}""")).Payload.ShouldBe("""{"ok":2}""");
    }

    [Fact]
    public async Task An_export_that_does_not_exist_fails_init_with_Runtime_HandlerNotFound()
    {
        var problems = new List<string>();
        await using var target = new ReferenceTarget(code: new UserCodeRunner("us-east-1", problems.Add));
        await target.CreateFunctionAsync(Node("exports.other = async () => 1;"));

        var response = await Invoke(target);

        response.FunctionError.ShouldBe("Unhandled");
        var error = JsonNode.Parse(response.Payload!)!;
        error["errorType"]!.GetValue<string>().ShouldBe("Runtime.HandlerNotFound");
        error["errorMessage"]!.GetValue<string>().ShouldBe("app.handler is undefined or not exported");
        problems.ShouldHaveSingleItem().ShouldContain("function \"orders\": init failed");
    }

    [Fact]
    public async Task A_bootstrap_that_exits_during_init_is_Runtime_ExitError_with_its_exit_status()
    {
        var problems = new List<string>();
        await using var target = new ReferenceTarget(code: new UserCodeRunner("us-east-1", problems.Add));
        await target.CreateFunctionAsync(Bootstrap("echo 'missing config' >&2; exit 3"));

        var response = await Invoke(target);

        var error = JsonNode.Parse(response.Payload!)!;
        error["errorType"]!.GetValue<string>().ShouldBe("Runtime.ExitError");
        error["errorMessage"]!.GetValue<string>().ShouldBe($"RequestId: {response.RequestId} Error: Runtime exited with error: exit status 3");
        problems.ShouldHaveSingleItem().ShouldContain("exited with code 3 during init");
    }

    [Fact]
    public async Task A_process_that_never_calls_the_Runtime_API_times_out_its_init_and_is_stopped()
    {
        var problems = new List<string>();
        var runner = new UserCodeRunner("us-east-1", problems.Add) { InitLimit = TimeSpan.FromSeconds(1) };
        await using var target = new ReferenceTarget(code: runner);
        await target.CreateFunctionAsync(Bootstrap($"echo $$ > '{folder}/pid'; exec sleep 60"));

        var response = await Invoke(target);

        response.Payload!.ShouldContain("Task timed out after 3.00 seconds");
        problems.ShouldHaveSingleItem().ShouldContain("without asking the Runtime API for an invocation");
        ProcessIsGone(int.Parse(File.ReadAllText(Path.Combine(folder, "pid")).Trim())).ShouldBeTrue();
    }

    [Fact]
    public async Task A_custom_bootstrap_speaks_the_Runtime_API_itself_and_every_process_stops_with_the_target()
    {
        var runner = new UserCodeRunner("us-east-1");
        var target = new ReferenceTarget(code: runner);
        // A shell bootstrap with curl would need curl; Node stands in for any program that speaks HTTP.
        File.WriteAllText(Path.Combine(folder, "loop.cjs"), """
            require('node:fs').writeFileSync('pid', String(process.pid));
            const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation`;
            (async () => { for (;;) {
              const next = await fetch(`${api}/next`);
              const id = next.headers.get('lambda-runtime-aws-request-id');
              const event = await next.json();
              await fetch(`${api}/${id}/response`, { method: 'POST', body: JSON.stringify({ handler: process.env._HANDLER, got: event }) });
            } })();
            """);
        await target.CreateFunctionAsync(Bootstrap("exec node loop.cjs"));

        (await Invoke(target, """{"a":1}""")).Payload.ShouldBe("""{"handler":"unused","got":{"a":1}}""");
        var pid = int.Parse(File.ReadAllText(Path.Combine(folder, "pid")));
        ProcessIsGone(pid).ShouldBeFalse();

        await target.DisposeAsync();
        ProcessIsGone(pid).ShouldBeTrue();
    }

    private static bool ProcessIsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
