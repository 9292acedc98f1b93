using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Core.Observation;

namespace Conformance.Targets;

/// <summary>
/// What the probe function (<c>src/probe/probe.js</c>) and the harness exchange: the
/// behaviour the probe plays (as JSON), and the observations it reports when an invocation starts and
/// when it ends.
/// </summary>
public static class ProbeProtocol
{
    public static JsonObject BehaviourJson(FunctionBehaviour behaviour) => new()
    {
        ["responseJson"] = behaviour.ResponseJson,
        ["failingInvocations"] = behaviour.FailingInvocations,
        ["error"] = new JsonObject { ["type"] = behaviour.Error.Type, ["message"] = behaviour.Error.Message },
        ["durationMs"] = (long)behaviour.Duration.TotalMilliseconds,
        ["failItemsContaining"] = behaviour.FailItemsContaining,
        ["logLines"] = new JsonArray(behaviour.LogLines.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };

    /// <summary>An invocation as the probe reported it when it started.</summary>
    public sealed record Started(string FunctionName, string Version, string RequestId, DateTimeOffset At, string Event)
    {
        public static Started Parse(JsonNode body) => new(
            body["functionName"]?.GetValue<string>() ?? "",
            body["version"]?.GetValue<string>() ?? "$LATEST",
            body["requestId"]?.GetValue<string>() ?? "",
            DateTimeOffset.Parse(body["at"]?.GetValue<string>() ?? DateTimeOffset.UtcNow.ToString("O"), CultureInfo.InvariantCulture),
            body["event"]?.ToJsonString() ?? "null");
    }

    /// <summary>How an invocation ended, as the probe reported it (a timed-out invocation never reports).</summary>
    public sealed record Ended(string FunctionName, string RequestId, int Attempt, InvocationOutcome Outcome, string? Response)
    {
        public static Ended Parse(JsonNode body) => new(
            body["functionName"]?.GetValue<string>() ?? "",
            body["requestId"]?.GetValue<string>() ?? "",
            body["attempt"]?.GetValue<int>() ?? 0,
            body["outcome"]?.GetValue<string>() == "Succeeded" ? InvocationOutcome.Succeeded : InvocationOutcome.FunctionError,
            body["response"]?.ToJsonString());
    }
}
