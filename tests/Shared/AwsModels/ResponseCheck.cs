using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>
/// The answer a test fed the adapter against the operation's output shape: a success with the model's
/// status and only the output's members, with their types; an error in the protocol's error document.
/// </summary>
internal sealed class ResponseCheck(OperationModel operation, List<string> problems)
{
    private string Where => $"{operation.Name} answer";

    public void Answer(RecordedCall call)
    {
        if (call.Status is >= 200 and < 300) Success(call);
        else Error(call);
    }

    private void Success(RecordedCall call)
    {
        var protocol = operation.Service.Protocol;
        var output = operation.Output;
        // An operation whose status is a member of its output (Invoke: 200, 202 or 204) answers more than one.
        var statusIsAMember = output?.Members.Any(m => m.Shape.Location == "statusCode") == true;
        if (protocol.StartsWith("rest", StringComparison.Ordinal) && !statusIsAMember && call.Status != operation.ResponseCode)
            problems.Add($"{Where}: status {call.Status}, AWS answers this operation {operation.ResponseCode}");
        if (output is null)
        {
            if (protocol.Contains("json", StringComparison.Ordinal) && call.ResponseBody?.Trim() is { Length: > 0 } body && body != "{}")
                problems.Add($"{Where}: a body ({RequestCheck.Short(body)}), where the model's operation answers none");
            return;
        }
        switch (protocol)
        {
            case "json": JsonBody(call.ResponseBody, output, bodyOnly: false); break;
            case "rest-json":
                if (output.Payload is { } payload)
                {
                    var shape = output.Members.First(m => m.Name == payload).Shape;
                    if (shape.Type == "structure" && Parse(call.ResponseBody) is { } document) JsonShapeCheck.Check(document, shape, $"{Where} {payload}", request: false, problems);
                }
                else JsonBody(call.ResponseBody, output, bodyOnly: true);
                break;
            case "query": QueryResult(call.ResponseBody, output); break;
        }
    }

    private void JsonBody(string? body, Shape output, bool bodyOnly)
    {
        if (string.IsNullOrWhiteSpace(body)) return;
        if (Parse(body) is { } json) JsonShapeCheck.Check(json, output, Where, request: false, problems, bodyOnly);
    }

    /// <summary>A query-protocol answer: <c>&lt;OperationResponse&gt;</c>, its result wrapper, and in it only the output's members.</summary>
    private void QueryResult(string? body, Shape output)
    {
        if (Xml(body) is not { } root) return;
        if (root.Name.LocalName != operation.Name + "Response") problems.Add($"{Where}: <{root.Name.LocalName}>, AWS answers <{operation.Name}Response>");
        if (output.ResultWrapper is not { } wrapper) return;
        if (root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper) is not { } result)
        {
            problems.Add($"{Where}: no <{wrapper}>");
            return;
        }
        var members = output.Members.Select(m => m.Shape.LocationName ?? m.Name).ToHashSet();
        foreach (var element in result.Elements().Where(e => !members.Contains(e.Name.LocalName)))
            problems.Add($"{Where}: <{element.Name.LocalName}> is not a member of the model ({JsonShapeCheck.Known(members)})");
    }

    /// <summary>An error: the JSON protocols name it in <c>__type</c>, <c>code</c> or the <c>x-amzn-ErrorType</c> header; the query protocol in <c>Error/Code</c>.</summary>
    private void Error(RecordedCall call)
    {
        switch (operation.Service.Protocol)
        {
            case "json" or "rest-json":
                var named = call.ResponseHeaders.Keys.Any(h => h.Equals("x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase))
                    || (TryParse(call.ResponseBody) is JsonObject error && (error.ContainsKey("__type") || error.ContainsKey("code") || error.ContainsKey("Code")));
                if (!named) problems.Add($"{Where}: status {call.Status} with no error type (neither x-amzn-ErrorType nor __type/code in {RequestCheck.Short(call.ResponseBody ?? "")})");
                break;
            case "query":
                if (Xml(call.ResponseBody) is { } root && !root.Descendants().Any(e => e.Name.LocalName == "Code"))
                    problems.Add($"{Where}: status {call.Status} with no <Error><Code>");
                break;
        }
    }

    private JsonNode? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var json = TryParse(body);
        if (json is null) problems.Add($"{Where}: the body is not JSON ({RequestCheck.Short(body)})");
        return json;
    }

    private static JsonNode? TryParse(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private XElement? Xml(string? body)
    {
        try
        {
            return XDocument.Parse(body ?? "").Root;
        }
        catch (System.Xml.XmlException)
        {
            problems.Add($"{Where}: the body is not XML ({RequestCheck.Short(body ?? "")})");
            return null;
        }
    }
}
