using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Conformance.Targets.UserCode;

/// <summary>What the code posted for an invocation or for its init: the body, and whether it was an error.</summary>
internal sealed record RuntimeAnswer(bool IsError, string Body);

/// <summary>A call the code made to an AWS service on the endpoint (<c>AWS_ENDPOINT_URL_SQS</c>): its JSON-protocol target and body.</summary>
internal sealed record ServiceCall(HttpListenerContext Context, string Target, string Body);

/// <summary>
/// The Lambda Runtime API of one execution environment, on a loopback port
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): the code asks for its next
/// invocation (<c>GET /2018-06-01/runtime/invocation/next</c>, answered when there is one, with the
/// request id, deadline, function ARN and trace headers) and answers it (<c>/response</c>,
/// <c>/error</c>); <c>/init/error</c> reports a failed init.
/// </summary>
internal sealed class RuntimeApiEndpoint : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private readonly HttpListener listener = new();
    private readonly Channel<HttpListenerContext> nextRequests = Channel.CreateUnbounded<HttpListenerContext>();
    private readonly Task loop;
    private readonly object gate = new();
    private (string RequestId, TaskCompletionSource<RuntimeAnswer> Answer)? current;

    public RuntimeApiEndpoint(int port)
    {
        Address = $"127.0.0.1:{port}";
        listener.Prefixes.Add($"http://{Address}/");
        listener.Start();
        loop = Task.Run(() => Processes.LoopbackServer.AcceptAsync(listener, HandleAsync));
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c>: host and port.</summary>
    public string Address { get; }

    /// <summary>Completed when the code reports a failed init.</summary>
    public TaskCompletionSource<RuntimeAnswer> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Calls the code made to AWS services (the JSON protocol's <c>X-Amz-Target</c> on <c>POST /</c>), waiting to be served.</summary>
    public Channel<ServiceCall> ServiceCalls { get; } = Channel.CreateUnbounded<ServiceCall>();

    /// <summary>The code's next <c>GET .../invocation/next</c>, held open until an invocation is handed to it.</summary>
    public ValueTask<HttpListenerContext> NextRequestAsync(CancellationToken cancellation) => nextRequests.Reader.ReadAsync(cancellation);

    /// <summary>Hands an invocation to a waiting <c>next</c> request; the task ends with the code's answer.</summary>
    public async Task<RuntimeAnswer> HandOverAsync(HttpListenerContext next, string requestId, string payload, IReadOnlyDictionary<string, string> headers)
    {
        var answer = new TaskCompletionSource<RuntimeAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) current = (requestId, answer);
        next.Response.StatusCode = 200;
        next.Response.ContentType = "application/json";
        next.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
        foreach (var (name, value) in headers) next.Response.Headers[name] = value;
        await WriteAndCloseAsync(next.Response, payload);
        return await answer.Task;
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "";
            var method = context.Request.HttpMethod;
            if (method == "GET" && path == Prefix + "invocation/next")
            {
                await nextRequests.Writer.WriteAsync(context);
                return;
            }
            if (method == "POST" && path == "/" && context.Request.Headers["X-Amz-Target"] is { } target)
            {
                await ServiceCalls.Writer.WriteAsync(new ServiceCall(context, target, await ReadAsync(context.Request)));
                return;
            }
            if (method == "POST" && path == Prefix + "init/error")
            {
                InitError.TrySetResult(new RuntimeAnswer(true, await ReadAsync(context.Request)));
                await AnswerAsync(context.Response, 202, """{"status":"OK"}""");
                return;
            }
            var parts = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal) ? path[(Prefix.Length + "invocation/".Length)..].Split('/') : [];
            if (method == "POST" && parts is [var requestId, "response" or "error"])
            {
                TaskCompletionSource<RuntimeAnswer>? answer = null;
                lock (gate)
                    if (current is { } invocation && invocation.RequestId == requestId) (answer, current) = (invocation.Answer, null);
                if (answer is null)
                {
                    await AnswerAsync(context.Response, 400, $$"""{"errorMessage":"Invalid request ID: {{requestId}}","errorType":"InvalidRequestID"}""");
                    return;
                }
                var body = await ReadAsync(context.Request);
                await AnswerAsync(context.Response, 202, """{"status":"OK"}""");
                answer.TrySetResult(new RuntimeAnswer(parts[1] == "error", body));
                return;
            }
            await AnswerAsync(context.Response, 404, """{"errorMessage":"Not found","errorType":"NotFound"}""");
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the code went away mid-request; its environment notices the exit
        }
    }

    private static async Task<string> ReadAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Answers a service call in the JSON protocol.</summary>
    public static async Task AnswerServiceCallAsync(ServiceCall call, int status, string body)
    {
        call.Context.Response.StatusCode = status;
        call.Context.Response.ContentType = "application/x-amz-json-1.0";
        call.Context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await WriteAndCloseAsync(call.Context.Response, body);
    }

    private static async Task AnswerAsync(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await WriteAndCloseAsync(response, body);
    }

    private static async Task WriteAndCloseAsync(HttpListenerResponse response, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        nextRequests.Writer.TryComplete();
        ServiceCalls.Writer.TryComplete();
        listener.Stop();
        listener.Close();
        await loop;
    }
}
