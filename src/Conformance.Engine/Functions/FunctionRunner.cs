using System.Globalization;
using System.Text;
using Conformance.Core.Functions;
using Conformance.Core.Observation;
using Conformance.Engine.Invocation;
using Conformance.Events.Lambda;

namespace Conformance.Engine.Functions;

/// <summary>The result of running a function once: outcome, payload, how long it ran and its log.</summary>
internal sealed record FunctionRun(InvocationOutcome Outcome, string Payload, TimeSpan Duration, string Log);

/// <summary>
/// Runs the programmed behaviour of a function once. A thrown error or a run longer than the timeout
/// is a function error (https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html): the payload is the error document (built by Conformance.Events), the
/// timeout's message is <c>RequestId: ID Error: Task timed out after N.00 seconds</c>. A response above the synchronous
/// limit becomes a <c>Function.ResponseSizeTooLarge</c> error (<see cref="EngineSettings.SyncResponseLimitBytes"/>, name and message as recorded on AWS).
/// </summary>
internal static class FunctionRunner
{
    public static FunctionRun Run(LambdaFunction function, FunctionSpec spec, string version, EngineSettings settings, DateTimeOffset now, string requestId, LazyPayload? @event, ICodeRunner? code)
    {
        function.Invocations++;
        if (spec.Code is not null) return RunCode(function, spec, version, settings, now, requestId, @event?.Text ?? "{}", code);
        var behaviour = spec.Behaviour;
        var duration = spec.RunTime;
        InvokeErrorDocument? error = null;
        var payload = behaviour.FailItemsContaining is { } marker && @event is not null ? BatchItemFailures(@event.Text, marker) : behaviour.ResponseJson;

        if (behaviour.Duration > spec.Timeout)
            error = TimeoutError(spec, settings, requestId);
        else if (behaviour.FailsOnInvocation(function.Invocations))
            error = new InvokeErrorDocument(behaviour.Error.Type, behaviour.Error.Message, []);
        else if (Encoding.UTF8.GetByteCount(payload) > settings.SyncResponseLimitBytes)
            error = new InvokeErrorDocument("Function.ResponseSizeTooLarge",
                $"Response payload size exceeded maximum allowed payload size ({settings.SyncResponseLimitBytes} bytes).");

        var log = Log(requestId, version, behaviour, error, duration);
        return error is null
            ? new FunctionRun(InvocationOutcome.Succeeded, payload, duration, log)
            : new FunctionRun(InvocationOutcome.FunctionError, error.ToJson(), duration, log);
    }

    /// <summary>Runs the user's own code; a timeout is Lambda's, whatever the code was doing.</summary>
    private static FunctionRun RunCode(LambdaFunction function, FunctionSpec spec, string version, EngineSettings settings, DateTimeOffset now, string requestId, string @event, ICodeRunner? code)
    {
        if (code is null) throw new InvalidOperationException($"The function {spec.Name} has code of its own, and this engine was given no runner for code.");
        var arn = version == LambdaFunction.Latest ? function.Arn : $"{function.Arn}:{version}";
        var run = code.Run(new CodeInvocation(spec, arn, version, requestId, @event, now, spec.RunTime));
        var error = run.Outcome == CodeOutcome.TimedOut ? TimeoutError(spec, settings, requestId) : null;
        var payload = error?.ToJson() ?? run.Payload;
        var behaviour = spec.Behaviour with { LogLines = run.LogLines };
        var log = Log(requestId, version, behaviour, error, run.Duration);
        return new FunctionRun(run.Outcome == CodeOutcome.Succeeded ? InvocationOutcome.Succeeded : InvocationOutcome.FunctionError, payload, spec.RunTime, log);
    }

    private static InvokeErrorDocument TimeoutError(FunctionSpec spec, EngineSettings settings, string requestId)
    {
        var seconds = spec.Timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        // The invoke response's wording, as recorded on AWS (localstack/localstack at 8b9a79f0, test_lambda.snapshot.json,
        // test_lambda_invoke_with_timeout, recorded 2025-11-25): "RequestId: ID Error: Task timed out after 1.00 seconds".
        return new InvokeErrorDocument(settings.TimeoutErrorType, $"RequestId: {requestId} Error: Task timed out after {seconds} seconds");
    }

    /// <summary>A partial batch response naming the records whose body or decoded data contains <paramref name="marker"/>.</summary>
    private static string BatchItemFailures(string @event, string marker)
    {
        var records = System.Text.Json.Nodes.JsonNode.Parse(@event)?["Records"]?.AsArray() ?? [];
        var failed = new System.Text.Json.Nodes.JsonArray();
        foreach (var record in records)
        {
            var (content, id) = record?["body"] is { } body
                ? (body.GetValue<string>(), record["messageId"]?.GetValue<string>())
                : record?["kinesis"] is { } kinesis
                    ? (Encoding.UTF8.GetString(Convert.FromBase64String(kinesis["data"]!.GetValue<string>())), kinesis["sequenceNumber"]?.GetValue<string>())
                    : (record?["dynamodb"]?.ToJsonString() ?? "", record?["dynamodb"]?["SequenceNumber"]?.GetValue<string>());
            if (content.Contains(marker, StringComparison.Ordinal)) failed.Add(new System.Text.Json.Nodes.JsonObject { ["itemIdentifier"] = id });
        }
        return new System.Text.Json.Nodes.JsonObject { ["batchItemFailures"] = failed }.ToJsonString();
    }

    /// <summary>The execution log in the runtime's format: START, the function's lines, END and REPORT.</summary>
    private static string Log(string requestId, string version, FunctionBehaviour behaviour, InvokeErrorDocument? error, TimeSpan duration)
    {
        var log = new StringBuilder();
        log.Append("START RequestId: ").Append(requestId).Append(" Version: ").Append(version).Append('\n');
        foreach (var line in behaviour.LogLines) log.Append(line).Append('\n');
        if (error is not null) log.Append(error.ToJson()).Append('\n');
        log.Append("END RequestId: ").Append(requestId).Append('\n');
        var milliseconds = duration.TotalMilliseconds;
        log.Append(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {milliseconds:0.00} ms\tBilled Duration: {Math.Ceiling(milliseconds):0} ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n");
        return log.ToString();
    }

    /// <summary>The last <paramref name="bytes"/> bytes of the log, base64 (<c>X-Amz-Log-Result</c>).</summary>
    public static string Tail(string log, int bytes)
    {
        var all = Encoding.UTF8.GetBytes(log);
        return Convert.ToBase64String(all.Length <= bytes ? all : all[^bytes..]);
    }
}
