using System.Text.Json.Nodes;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// EventBridge rules (JSON 1.1 protocol, <c>X-Amz-Target: AWSEvents.*</c>): a schedule rule on the default
/// bus whose one target is a function, as the API reference describes PutRule, PutTargets, RemoveTargets,
/// DeleteRule and ListRules (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html).
/// </summary>
public sealed class EventBridgeApi(HttpClient http)
{
    /// <summary>The id of the function target of every rule the kit creates.</summary>
    public const string TargetId = "function";

    private readonly AwsJsonProtocol protocol = new(http, "AWSEvents");

    /// <summary><c>PutRule</c> with a schedule expression, enabled, tagged with the run; returns the rule's ARN.</summary>
    public async Task<(ApiResult Result, string? RuleArn)> PutScheduleRuleAsync(string name, string expression, string runId, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync("PutRule", new JsonObject
        {
            ["Name"] = name,
            ["ScheduleExpression"] = expression,
            ["State"] = "ENABLED",
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "conformance-run", ["Value"] = runId }),
        }, cancellation);
        return (result, body?["RuleArn"]?.ToString());
    }

    /// <summary><c>PutTargets</c> with the function as the rule's one target; a failed entry is the call's failure, with its code and message.</summary>
    public async Task<ApiResult> PutFunctionTargetAsync(string rule, string functionArn, CancellationToken cancellation)
    {
        var (result, body) = await protocol.CallAsync("PutTargets", new JsonObject
        {
            ["Rule"] = rule,
            ["Targets"] = new JsonArray(new JsonObject { ["Id"] = TargetId, ["Arn"] = functionArn }),
        }, cancellation);
        if (result.Succeeded && body?["FailedEntries"]?.AsArray() is [JsonObject failed, ..])
            return new ApiResult(400, failed["ErrorCode"]?.ToString(), failed["ErrorMessage"]?.ToString());
        return result;
    }

    /// <summary>Removes the rule's target, then the rule (a rule with targets cannot be deleted).</summary>
    public async Task<ApiResult> DeleteRuleAsync(string rule, CancellationToken cancellation)
    {
        var (removed, _) = await protocol.CallAsync("RemoveTargets", new JsonObject { ["Rule"] = rule, ["Ids"] = new JsonArray(TargetId) }, cancellation);
        if (!removed.Succeeded && removed.ErrorType != "ResourceNotFoundException") return removed;
        return (await protocol.CallAsync("DeleteRule", new JsonObject { ["Name"] = rule }, cancellation)).Result;
    }

    /// <summary>The names of the default bus's rules that start with <paramref name="prefix"/>, every page.</summary>
    public async Task<(ApiResult Result, IReadOnlyList<string> Names)> ListRuleNamesAsync(string prefix, CancellationToken cancellation)
    {
        var names = new List<string>();
        string? next = null;
        do
        {
            var request = new JsonObject { ["NamePrefix"] = prefix };
            if (next is not null) request["NextToken"] = next;
            var (result, body) = await protocol.CallAsync("ListRules", request, cancellation);
            if (!result.Succeeded) return (result, names);
            names.AddRange(body?["Rules"]?.AsArray().Select(r => r?["Name"]?.ToString() ?? "").Where(n => n.StartsWith(prefix, StringComparison.Ordinal)) ?? []);
            next = body?["NextToken"]?.ToString();
        }
        while (next is not null);
        return (ApiResult.Ok, names);
    }
}
