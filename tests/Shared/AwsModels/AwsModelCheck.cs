using System.Text.RegularExpressions;
using System.Web;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>One HTTP exchange as a stub saw it: the request the adapter sent and the answer it was fed.</summary>
public sealed record RecordedCall(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body,
    int Status, IReadOnlyDictionary<string, string> ResponseHeaders, string? ResponseBody);

/// <summary>What the check found of one call: the operation it is (null when it is no AWS API call), and each way it departs from the model.</summary>
public sealed record CallVerdict(OperationModel? Operation, IReadOnlyList<string> Problems);

/// <summary>
/// Checks a call against AWS's model of its operation. The request: the operation is found as AWS finds it
/// (the SigV4 scope's service and <c>X-Amz-Target</c> for the JSON protocol, <c>Action</c> for the query
/// protocol, method and URI for the REST protocols); every member it carries must be one the model names,
/// in the location the model gives, with the model's JSON type; every required member must be there; the
/// JSON protocol's content type and the query protocol's API version must be the model's. The answer (what
/// the test fed the adapter): a success must come with the model's status and only members of the output
/// shape, with their types; an error must be an error document of the protocol. An S3 body (XML) is not
/// read: only its method, URI and query are checked.
/// </summary>
public sealed partial class AwsModelCheck(AwsApiModels models)
{
    public CallVerdict Check(RecordedCall call)
    {
        var headers = new Dictionary<string, string>(call.Headers, StringComparer.OrdinalIgnoreCase);
        var signingName = SigningName(headers);
        var problems = new List<string>();
        OperationModel? operation;
        if (headers.TryGetValue("X-Amz-Target", out var target)) operation = JsonOperation(target, signingName, headers, problems);
        else if (signingName is null || !models.SignedAs(signingName).Any()) return new CallVerdict(null, []); // not an AWS API call (e.g. execute-api)
        else if (models.SignedAs(signingName).FirstOrDefault(s => s.Protocol == "query") is { } query) operation = QueryOperation(query, call, problems);
        else operation = RestOperation(models.SignedAs(signingName), call, problems);
        if (operation is null) return new CallVerdict(null, problems);

        var request = new RequestCheck(operation, problems);
        switch (operation.Service.Protocol)
        {
            case "json": request.JsonBody(call.Body); break;
            case "query": request.QueryForm(call.Body); break;
            default: request.Rest(call, headers); break;
        }
        new ResponseCheck(operation, problems).Answer(call);
        return new CallVerdict(operation, problems);
    }

    /// <summary>The service of the SigV4 credential scope (<c>Credential=AKID/date/region/service/aws4_request</c>).</summary>
    private static string? SigningName(Dictionary<string, string> headers) =>
        headers.TryGetValue("Authorization", out var authorization) && CredentialScope().Match(authorization) is { Success: true } scope
            ? scope.Groups["service"].Value : null;

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();

    private OperationModel? JsonOperation(string target, string? signingName, Dictionary<string, string> headers, List<string> problems)
    {
        var dot = target.LastIndexOf('.');
        var service = dot > 0 ? models.ByTargetPrefix(target[..dot]) : null;
        if (service is null)
        {
            problems.Add($"X-Amz-Target {target}: no AWS service has the prefix {(dot > 0 ? target[..dot] : target)}");
            return null;
        }
        if (signingName is not null && signingName != service.SigningName)
            problems.Add($"{target}: signed for '{signingName}', but {service.File} is signed as '{service.SigningName}'");
        var expectedType = $"application/x-amz-json-{service.JsonVersion}";
        if (!headers.TryGetValue("Content-Type", out var contentType) || !contentType.StartsWith(expectedType, StringComparison.Ordinal))
            problems.Add($"{target}: Content-Type {contentType ?? "(none)"}, the model's protocol wants {expectedType}");
        var operation = service.Operation(target[(dot + 1)..]);
        if (operation is null) problems.Add($"{target}: {service.File} has no operation {target[(dot + 1)..]}");
        return operation;
    }

    private static OperationModel? QueryOperation(ServiceModel service, RecordedCall call, List<string> problems)
    {
        var form = HttpUtility.ParseQueryString(call.Body ?? "");
        var action = form["Action"];
        if (action is null)
        {
            problems.Add($"{call.Method} {call.Path}: a {service.File} call (query protocol) without Action");
            return null;
        }
        if (form["Version"] != service.ApiVersion) problems.Add($"{action}: Version {form["Version"] ?? "(none)"}, the model's is {service.ApiVersion}");
        var operation = service.Operation(action);
        if (operation is null) problems.Add($"Action {action}: {service.File} has no such operation");
        return operation;
    }

    /// <summary>The REST operation whose method and URI template match, the one with the most fixed segments if several do.</summary>
    private static OperationModel? RestOperation(IEnumerable<ServiceModel> services, RecordedCall call, List<string> problems)
    {
        var query = HttpUtility.ParseQueryString(call.Query);
        var best = services.SelectMany(s => s.OperationNames.Select(s.Operation)).OfType<OperationModel>()
            .Where(o => o.Method == call.Method)
            .Select(o => (Operation: o, Fixed: UriTemplate.Match(o.RequestUri, call.Path, query)))
            .Where(m => m.Fixed >= 0)
            .OrderByDescending(m => m.Fixed)
            .FirstOrDefault();
        if (best.Operation is null) problems.Add($"{call.Method} {call.Path}: no operation of {string.Join(" or ", services.Select(s => s.File))} has this method and URI");
        return best.Operation;
    }
}
