using System.Collections.Specialized;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>A REST operation's request URI template (<c>/functions/{FunctionName}/policy/{StatementId}</c>, <c>/{Bucket}?notification</c>) against a request's path and query.</summary>
public static class UriTemplate
{
    /// <summary>How many fixed path segments and query keys the template matched by, or -1 if it does not match.</summary>
    public static int Match(string template, string path, NameValueCollection query) =>
        Labels(template, path, query) is { } labels ? labels.Fixed : -1;

    /// <summary>The labels' values, and how many fixed parts matched; null if the path or the template's fixed query does not match.</summary>
    public static (Dictionary<string, string> Values, int Fixed)? Labels(string template, string path, NameValueCollection query)
    {
        var question = template.IndexOf('?');
        var templatePath = question < 0 ? template : template[..question];
        var fixedQuery = question < 0 ? [] : template[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
        var expected = Segments(templatePath);
        var actual = Segments(path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fixedParts = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var part = expected[i];
            if (part.StartsWith('{') && part.EndsWith("+}"))
            {
                if (i >= actual.Length) return null;
                values[part[1..^2]] = string.Join('/', actual[i..]);
                return FixedQueryMatches(fixedQuery, query, ref fixedParts) ? (values, fixedParts) : null;
            }
            if (i >= actual.Length) return null;
            if (part.StartsWith('{')) values[part[1..^1]] = Uri.UnescapeDataString(actual[i]);
            else if (part == actual[i]) fixedParts++;
            else return null;
        }
        if (actual.Length != expected.Length) return null;
        return FixedQueryMatches(fixedQuery, query, ref fixedParts) ? (values, fixedParts) : null;
    }

    /// <summary>The query keys the template fixes (its names the part after <c>?</c>); they belong to the URI, not to a member.</summary>
    public static IReadOnlySet<string> FixedQueryKeys(string template)
    {
        var question = template.IndexOf('?');
        return question < 0 ? new HashSet<string>() : template[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToHashSet();
    }

    private static bool FixedQueryMatches(string[] fixedQuery, NameValueCollection query, ref int fixedParts)
    {
        foreach (var pair in fixedQuery)
        {
            var (key, value) = pair.Split('=') is [var k, var v] ? (k, v) : (pair, null);
            if (!query.AllKeys.Contains(key) && !(value is null && query.GetValues(null)?.Contains(key) == true)) return false;
            if (value is not null && query[key] != value) return false;
            fixedParts++;
        }
        return true;
    }

    /// <summary>A path's segments; a trailing slash is not a segment (AWS's REST endpoints answer both forms).</summary>
    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.None) is [""] ? [] : path.Trim('/').Split('/');
}
