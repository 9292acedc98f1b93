using System.Text.RegularExpressions;

namespace Conformance.Gherkin.Expressions;

/// <summary>One capture group of a match and the groups nested in it.</summary>
public sealed record MatchGroup(string? Value, int? Start, IReadOnlyList<MatchGroup> Children)
{
    /// <summary>The values a parameter transformer receives: the children's, or this group's own.</summary>
    public string?[] Values => Children.Count > 0 ? Children.Select(c => c.Value).ToArray() : [Value];
}

/// <summary>
/// Knows, from a regex's source, which capture group sits inside which, so a match can be turned
/// into a tree (Cucumber reports nested groups as <c>group.children</c>).
/// </summary>
public sealed class GroupTree
{
    private readonly int[] parentOf; // parentOf[g] = enclosing capture group (0 = the whole match)

    public GroupTree(string pattern)
    {
        var parents = new List<int> { -1 };
        var stack = new Stack<int>();
        stack.Push(0);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; continue; }
            if (c == ')') { stack.Pop(); continue; }
            if (c != '(') continue;

            if (IsCapturing(pattern, i))
            {
                parents.Add(stack.Peek());
                stack.Push(parents.Count - 1);
            }
            else stack.Push(stack.Peek()); // non-capturing: children belong to the enclosing group
        }
        parentOf = parents.ToArray();
    }

    private static bool IsCapturing(string pattern, int open)
    {
        if (open + 1 >= pattern.Length || pattern[open + 1] != '?') return true;
        // (?<name>...) and (?'name'...) capture; (?<=, (?<! are look-behinds.
        if (open + 2 < pattern.Length && pattern[open + 2] == '\'') return true;
        return open + 3 < pattern.Length && pattern[open + 2] == '<' && pattern[open + 3] is not ('=' or '!');
    }

    /// <summary>The top-level capture groups of <paramref name="match"/>, each with its nested groups.</summary>
    public IReadOnlyList<MatchGroup> TopLevelGroups(Match match)
    {
        var count = Math.Min(parentOf.Length, match.Groups.Count);
        return Build(match, 0, count);
    }

    private List<MatchGroup> Build(Match match, int parent, int count)
    {
        var result = new List<MatchGroup>();
        for (var g = 1; g < count; g++)
        {
            if (parentOf[g] != parent) continue;
            var group = match.Groups[g];
            result.Add(new MatchGroup(
                group.Success ? group.Value : null,
                group.Success ? group.Index : null,
                Build(match, g, count)));
        }
        return result;
    }
}
