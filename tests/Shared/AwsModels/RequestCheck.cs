using System.Text.Json.Nodes;
using System.Web;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>A request's members against its operation's input shape, in the operation's protocol.</summary>
internal sealed class RequestCheck(OperationModel operation, List<string> problems)
{
    private string Where => $"{operation.Name} request";

    public void JsonBody(string? body)
    {
        if (Parse(string.IsNullOrEmpty(body) ? "{}" : body) is { } json) JsonShapeCheck.Check(json, operation.Input, Where, request: true, problems);
    }

    public void QueryForm(string? body)
    {
        var form = HttpUtility.ParseQueryString(body ?? "");
        var entries = form.AllKeys.OfType<string>().Where(k => k is not ("Action" or "Version")).ToDictionary(k => k, k => form[k]!);
        QueryShapeCheck.Check(entries, operation.Input, "", problems);
    }

    public void Rest(RecordedCall call, IReadOnlyDictionary<string, string> headers)
    {
        var query = HttpUtility.ParseQueryString(call.Query);
        var labels = UriTemplate.Labels(operation.RequestUri, call.Path, query)!.Value.Values;
        var members = operation.Input.Members.ToList();
        Labels(labels, members);
        Query(query, members);
        Headers(headers, members);
        Body(call, members);
    }

    private void Labels(Dictionary<string, string> labels, List<(string Name, Shape Shape)> members)
    {
        foreach (var (label, value) in labels)
            if (members.FirstOrDefault(m => m.Shape.Location == "uri" && m.Shape.LocationName == label) is { Shape: { } shape } && !Fits(value, shape))
                problems.Add($"{Where}: URI label {label} '{value}', the model wants a {shape.Type}");
    }

    private void Query(System.Collections.Specialized.NameValueCollection query, List<(string Name, Shape Shape)> members)
    {
        var fixedKeys = UriTemplate.FixedQueryKeys(operation.RequestUri);
        var queryMembers = members.Where(m => m.Shape.Location == "querystring").ToList();
        var takesAnyKey = queryMembers.Any(m => m.Shape.Type == "map");
        foreach (var key in query.AllKeys)
        {
            if (key is null || fixedKeys.Contains(key)) continue;
            var member = queryMembers.FirstOrDefault(m => m.Shape.LocationName == key);
            if (member.Shape is null)
            {
                if (!takesAnyKey) problems.Add($"{Where}: query parameter {key} is not one the model names ({string.Join(", ", queryMembers.Select(m => m.Shape.LocationName))})");
            }
            else if (member.Shape.Type != "list" && !Fits(query[key]!, member.Shape)) problems.Add($"{Where}: query parameter {key} '{query[key]}', the model wants a {member.Shape.Type}");
        }
        foreach (var required in Required(members, "querystring"))
            if (query[required.Shape.LocationName] is null) problems.Add($"{Where}: query parameter {required.Shape.LocationName} ({required.Name}) required by the model, missing");
    }

    private void Headers(IReadOnlyDictionary<string, string> headers, List<(string Name, Shape Shape)> members)
    {
        foreach (var (name, shape) in members.Where(m => m.Shape.Location == "header"))
        {
            if (headers.TryGetValue(shape.LocationName!, out var value) && !Fits(value, shape))
                problems.Add($"{Where}: header {shape.LocationName} '{value}', the model wants a {shape.Type}");
        }
        foreach (var required in Required(members, "header"))
            if (!headers.ContainsKey(required.Shape.LocationName!)) problems.Add($"{Where}: header {required.Shape.LocationName} ({required.Name}) required by the model, missing");
    }

    private void Body(RecordedCall call, List<(string Name, Shape Shape)> members)
    {
        if (operation.Service.Protocol == "rest-xml") return; // S3's XML bodies are not read
        if (operation.Input.Payload is { } payload)
        {
            var shape = members.First(m => m.Name == payload).Shape;
            if (shape.Type == "structure" && Parse(call.Body ?? "{}") is { } document) JsonShapeCheck.Check(document, shape, $"{Where} {payload}", request: true, problems);
            return;
        }
        var bodyMembers = members.Where(m => m.Shape.Location is null).ToList();
        if (string.IsNullOrEmpty(call.Body))
        {
            foreach (var required in operation.Input.Required.Where(r => bodyMembers.Any(m => m.Name == r)))
                problems.Add($"{Where}.{required}: required by the model, missing (no body)");
            return;
        }
        if (bodyMembers.Count == 0 && call.Body.Trim() is not ("{}" or ""))
        {
            problems.Add($"{Where}: a body ({Short(call.Body)}), where the model has no body members");
            return;
        }
        if (Parse(call.Body) is { } json) JsonShapeCheck.Check(json, operation.Input, Where, request: true, problems, bodyOnly: true);
    }

    private IEnumerable<(string Name, Shape Shape)> Required(List<(string Name, Shape Shape)> members, string location) =>
        members.Where(m => m.Shape.Location == location && operation.Input.Required.Contains(m.Name));

    private static bool Fits(string text, Shape shape) => shape.Type switch
    {
        "integer" or "long" => long.TryParse(text, out _),
        "boolean" => text is "true" or "false",
        _ => true,
    };

    private JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            problems.Add($"{Where}: the body is not JSON ({Short(body)})");
            return null;
        }
    }

    internal static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
