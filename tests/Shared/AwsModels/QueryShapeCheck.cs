namespace Conformance.Tests.Shared.AwsModels;

/// <summary>
/// A query-protocol form against a shape: a structure's members as <c>Name.Sub</c>, a list's items as
/// <c>Name.member.N</c> (<c>Name.N</c> when flattened), a map's entries as <c>Name.entry.N.key</c> and
/// <c>.value</c>; numbers and booleans as text.
/// </summary>
public static class QueryShapeCheck
{
    /// <summary>Adds to <paramref name="problems"/> each way the form's entries depart from <paramref name="shape"/>.</summary>
    /// <param name="shape">The model's shape for them.</param>
    /// <param name="path">Where they are, for the problems' words.</param>
    /// <param name="problems">Where the departures go.</param>
    /// <param name="entries">The form's keys below <paramref name="path"/>, with that prefix taken off ("" for the value itself).</param>
    public static void Check(IReadOnlyDictionary<string, string> entries, Shape shape, string path, List<string> problems)
    {
        switch (shape.Type)
        {
            case "structure":
                var members = shape.Members.ToDictionary(m => m.Shape.LocationName ?? m.Name, m => m, StringComparer.Ordinal);
                foreach (var (head, rest) in Split(entries, path, problems))
                    if (members.TryGetValue(head, out var member)) Check(rest, member.Shape, Join(path, head), problems);
                    else problems.Add($"{Join(path, head)}: not a member of the model ({JsonShapeCheck.Known(members.Keys)})");
                var present = entries.Keys.Select(k => k.Split('.')[0]).ToHashSet();
                foreach (var required in shape.Required)
                    if (!present.Contains(members.Values.First(m => m.Name == required).Shape.LocationName ?? required))
                        problems.Add($"{Join(path, required)}: required by the model, missing");
                break;
            case "list":
                var items = shape.Flattened ? entries : Under(entries, path, "member", problems);
                foreach (var (index, rest) in Split(items, path, problems))
                    if (IsIndex(index)) Check(rest, shape.ListMember, $"{path}.{index}", problems);
                    else problems.Add($"{path}.{index}: a list item is numbered from 1");
                break;
            case "map":
                var entriesOfMap = shape.Flattened ? entries : Under(entries, path, "entry", problems);
                foreach (var (index, rest) in Split(entriesOfMap, path, problems))
                {
                    if (!IsIndex(index)) problems.Add($"{path}.{index}: a map entry is numbered from 1");
                    if (!rest.ContainsKey("key")) problems.Add($"{path}.{index}: a map entry without its key");
                    foreach (var (part, value) in Split(rest, path, problems))
                        if (part == "value") Check(value, shape.MapValue, $"{path}.{index}.value", problems);
                        else if (part != "key") problems.Add($"{path}.{index}.{part}: a map entry has only key and value");
                }
                break;
            default:
                if (entries.Count != 1 || !entries.TryGetValue("", out var text)) { problems.Add($"{path}: a {shape.Type} sent as a structure"); return; }
                var fits = shape.Type switch
                {
                    "integer" or "long" => long.TryParse(text, out _),
                    "boolean" => text is "true" or "false",
                    "float" or "double" => double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _),
                    _ => true,
                };
                if (!fits) problems.Add($"{path}: '{text}', the model wants a {shape.Type}");
                break;
        }
    }

    /// <summary>The entries grouped by their first segment, each with that segment taken off.</summary>
    private static IEnumerable<(string Head, IReadOnlyDictionary<string, string> Below)> Split(IReadOnlyDictionary<string, string> entries, string path, List<string> problems)
    {
        if (entries.ContainsKey("") && entries.Count > 0 && entries.Keys.Any(k => k.Length > 0)) problems.Add($"{path}: sent both as a value and as a structure");
        return entries.Where(e => e.Key.Length > 0).GroupBy(e => e.Key.Split('.')[0])
            .Select(g => (g.Key, (IReadOnlyDictionary<string, string>)g.ToDictionary(e => e.Key.Contains('.') ? e.Key[(e.Key.IndexOf('.') + 1)..] : "", e => e.Value)));
    }

    private static IReadOnlyDictionary<string, string> Under(IReadOnlyDictionary<string, string> entries, string path, string segment, List<string> problems)
    {
        var under = new Dictionary<string, string>();
        foreach (var (key, value) in entries)
            if (key.StartsWith(segment + ".", StringComparison.Ordinal)) under[key[(segment.Length + 1)..]] = value;
            else problems.Add($"{path}.{key}: the model wants {path}.{segment}.N");
        return under;
    }

    private static bool IsIndex(string text) => int.TryParse(text, out var n) && n >= 1 && n.ToString() == text;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
