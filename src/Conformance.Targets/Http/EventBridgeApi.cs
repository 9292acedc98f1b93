using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// EventBridge (JSON 1.1 protocol, <c>X-Amz-Target: AWSEvents.*</c>), as the API reference describes its
/// operations (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html): a schedule
/// rule on the default bus whose one target is a function, and an event bus whose one rule forwards
/// what it receives to a queue.
/// </summary>
public sealed class EventBridgeApi(HttpClient http)
{
    /// <summary>The id of the function target of every rule the kit creates.</summary>
    public const string TargetId = "function";

    private readonly AwsJsonProtocol protocol = new(http, "AWSEvents");

    /// <summary><c>PutRule</c> with a schedule expression, enabled, tagged with the run; returns the rule's ARN.</summary>
    public Task<(ApiResult Result, string? RuleArn)> PutScheduleRuleAsync(string name, string expression, string runId, CancellationToken cancellation) =>
        PutRuleAsync(new JsonObject { ["Name"] = name, ["ScheduleExpression"] = expression }, runId, cancellation);

    /// <summary>
    /// <c>PutTargets</c>: <paramref name="targetArn"/> (a function, a queue) as the rule's one target; a failed
    /// entry is the call's failure, with its code and message.
    /// </summary>
    public async Task<ApiResult> PutTargetAsync(string rule, string targetArn, CancellationToken cancellation, string? eventBus = null)
    {
        var request = OnBus(new JsonObject { ["Rule"] = rule }, eventBus);
        request["Targets"] = new JsonArray(new JsonObject { ["Id"] = TargetId, ["Arn"] = targetArn });
        var (result, body) = await protocol.CallAsync("PutTargets", request, cancellation);
        if (result.Succeeded && body?["FailedEntries"]?.AsArray() is [JsonObject failed, ..])
            return new ApiResult(400, failed["ErrorCode"]?.ToString(), failed["ErrorMessage"]?.ToString());
        return result;
    }

    /// <summary><c>CreateEventBus</c>, tagged with the run; returns the bus's ARN.</summary>
    public async Task<(ApiResult Result, string? BusArn)> CreateEventBusAsync(string name, string runId, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync("CreateEventBus", new JsonObject
        {
            ["Name"] = name,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "conformance-run", ["Value"] = runId }),
        }, cancellation);
        return (result, body?["EventBusArn"]?.ToString());
    }

    /// <summary><c>PutRule</c> on a bus with an event pattern (no target yet); returns the rule's ARN.</summary>
    public Task<(ApiResult Result, string? RuleArn)> PutPatternRuleAsync(string eventBus, string name, string eventPattern, string runId, CancellationToken cancellation) =>
        PutRuleAsync(new JsonObject { ["Name"] = name, ["EventBusName"] = eventBus, ["EventPattern"] = eventPattern }, runId, cancellation);

    private async Task<(ApiResult Result, string? RuleArn)> PutRuleAsync(JsonObject rule, string runId, CancellationToken cancellation)
    {
        rule["State"] = "ENABLED";
        rule["Tags"] = new JsonArray(new JsonObject { ["Key"] = "conformance-run", ["Value"] = runId });
        var (result, body) = await protocol.CallAsync("PutRule", rule, cancellation);
        return (result, body?["RuleArn"]?.ToString());
    }

    /// <summary>Removes the rule's target, then the rule (a rule with targets cannot be deleted).</summary>
    public async Task<ApiResult> DeleteRuleAsync(string rule, CancellationToken cancellation, string? eventBus = null)
    {
        var removal = OnBus(new JsonObject { ["Rule"] = rule }, eventBus);
        removal["Ids"] = new JsonArray(TargetId);
        var (removed, _) = await protocol.CallAsync("RemoveTargets", removal, cancellation);
        if (!removed.Succeeded && removed.ErrorType != "ResourceNotFoundException") return removed;
        return (await protocol.CallAsync("DeleteRule", OnBus(new JsonObject { ["Name"] = rule }, eventBus), cancellation)).Result;
    }

    /// <summary>Deletes a bus's rules (each with its target), then the bus.</summary>
    public async Task<ApiResult> DeleteEventBusAsync(string name, CancellationToken cancellation)
    {
        var (listed, rules) = await ListRuleNamesAsync("", cancellation, name);
        if (!listed.Succeeded && listed.ErrorType != "ResourceNotFoundException") return listed;
        foreach (var rule in rules)
        {
            var deleted = await DeleteRuleAsync(rule, cancellation, name);
            if (!deleted.Succeeded) return deleted;
        }
        return (await protocol.CallAsync("DeleteEventBus", new JsonObject { ["Name"] = name }, cancellation)).Result;
    }

    /// <summary>The names of a bus's rules (the default bus's unless named) that start with <paramref name="prefix"/>, every page.</summary>
    public Task<(ApiResult Result, IReadOnlyList<string> Names)> ListRuleNamesAsync(string prefix, CancellationToken cancellation, string? eventBus = null) =>
        ListNamesAsync("ListRules", "Rules", prefix, eventBus, cancellation);

    /// <summary>The names of the custom buses that start with <paramref name="prefix"/>, every page.</summary>
    public Task<(ApiResult Result, IReadOnlyList<string> Names)> ListEventBusNamesAsync(string prefix, CancellationToken cancellation) =>
        ListNamesAsync("ListEventBuses", "EventBuses", prefix, null, cancellation);

    private async Task<(ApiResult Result, IReadOnlyList<string> Names)> ListNamesAsync(string operation, string listField, string prefix, string? eventBus, CancellationToken cancellation)
    {
        var names = new List<string>();
        string? next = null;
        do
        {
            var request = OnBus(prefix.Length > 0 ? new JsonObject { ["NamePrefix"] = prefix } : [], eventBus);
            if (next is not null) request["NextToken"] = next;
            var (result, body) = await protocol.CallAsync(operation, request, cancellation);
            if (!result.Succeeded) return (result, names);
            names.AddRange(body?[listField]?.AsArray().Select(r => r?["Name"]?.ToString() ?? "").Where(n => n.Length > 0 && n.StartsWith(prefix, StringComparison.Ordinal)) ?? []);
            next = body?["NextToken"]?.ToString();
        }
        while (next is not null);
        return (ApiResult.Ok, names);
    }

    private static JsonObject OnBus(JsonObject request, string? eventBus)
    {
        if (eventBus is not null) request["EventBusName"] = eventBus;
        return request;
    }
}
