using System.Net.Http.Headers;

namespace Conformance.Steps.Drivers;

/// <summary>
/// Compares an HTTP header's value the way HTTP does, not byte for byte. A media type
/// (<c>Content-Type</c>) is equal when its type and subtype are (in any case) and its parameters are
/// (names in any case, the charset's value too, spaces around <c>;</c> insignificant). A charset on
/// JSON is ignored: RFC 8259 section 11 defines no charset parameter for <c>application/json</c> and
/// says adding one has no effect. Other headers compare as their trimmed text.
/// </summary>
public static class HeaderValues
{
    public static bool Equivalent(string name, string expected, string actual)
    {
        if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) return expected.Trim() == actual.Trim();
        if (!MediaTypeHeaderValue.TryParse(expected, out var want) || !MediaTypeHeaderValue.TryParse(actual, out var got)) return expected.Trim() == actual.Trim();
        return string.Equals(want.MediaType, got.MediaType, StringComparison.OrdinalIgnoreCase)
            && Parameters(want).SetEquals(Parameters(got));
    }

    private static HashSet<string> Parameters(MediaTypeHeaderValue media)
    {
        var json = media.MediaType is { } type && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return media.Parameters
            .Where(p => !(json && p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
            .Select(p => $"{p.Name.ToLowerInvariant()}={(p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase) ? p.Value?.Trim('"').ToLowerInvariant() : p.Value)}")
            .ToHashSet(StringComparer.Ordinal);
    }
}
