namespace Conformance.Core.Invocation;

/// <summary>An HTTP request sent to an API in front of a function.</summary>
public sealed record HttpRequest(string Method, string Path, string? Body = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The query string without <c>?</c>, e.g. <c>a=1&amp;a=2</c>.</summary>
    public string QueryString { get; init; } = "";
}

/// <summary>The API's answer: status, headers (a name may repeat) and body.</summary>
public sealed record HttpResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
