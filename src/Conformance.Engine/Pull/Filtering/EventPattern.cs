using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Engine.Pull.Filtering;

/// <summary>
/// An event filter pattern in EventBridge syntax (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html;
/// https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html): every key of the pattern
/// must match; a nested object matches the nested value; an array lists alternatives, each a literal
/// (strings, numbers compared as their JSON text, true, false, null, "" for empty) or an operator:
/// prefix, suffix, equals-ignore-case, anything-but, numeric, exists. <c>$or</c> holds alternative patterns.
/// </summary>
public sealed class EventPattern
{
    private readonly JsonObject pattern;

    private EventPattern(JsonObject pattern) => this.pattern = pattern;

    /// <summary>The pattern, or null with the reason when it is not a valid filter pattern.</summary>
    public static EventPattern? Parse(string text, out string? problem)
    {
        problem = null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject obj)
            {
                problem = Check(obj);
                return problem is null ? new EventPattern(obj) : null;
            }
            problem = "a filter pattern must be a JSON object";
        }
        catch (JsonException ex)
        {
            problem = $"the filter pattern is not valid JSON: {ex.Message}";
        }
        return null;
    }

    private static string? Check(JsonObject obj)
    {
        foreach (var (key, value) in obj)
        {
            switch (value)
            {
                case JsonObject nested:
                    if (Check(nested) is { } problem) return problem;
                    break;
                case JsonArray array when key == "$or":
                    foreach (var alternative in array)
                        if (alternative is not JsonObject option || Check(option) is { } inner) return $"$or must hold patterns";
                    break;
                case JsonArray:
                    break;
                default:
                    return $"the value of \"{key}\" must be an array of matchers or an object";
            }
        }
        return null;
    }

    public bool Matches(JsonNode? @event) => MatchesObject(pattern, @event as JsonObject);

    private static bool MatchesObject(JsonObject pattern, JsonObject? @event)
    {
        foreach (var (key, value) in pattern)
        {
            if (key == "$or")
            {
                if (!value!.AsArray().Any(option => MatchesObject(option!.AsObject(), @event))) return false;
                continue;
            }
            var present = @event is not null && @event.TryGetPropertyValue(key, out _);
            var actual = present ? @event![key] : null;
            var matched = value switch
            {
                JsonObject nested => actual is JsonObject child && MatchesObject(nested, child),
                JsonArray matchers => MatchesAny(matchers, actual, present),
                _ => false,
            };
            if (!matched) return false;
        }
        return true;
    }

    private static bool MatchesAny(JsonArray matchers, JsonNode? actual, bool present)
    {
        // An array value matches when any of its elements matches.
        var candidates = actual is JsonArray values ? values.ToList() : [actual];
        return matchers.Any(matcher => matcher is JsonObject op
            ? Operator(op, candidates, present)
            : present && candidates.Any(c => Literal(matcher, c)));
    }

    private static bool Literal(JsonNode? expected, JsonNode? actual) =>
        expected is null ? actual is null : actual is not null && actual is not JsonObject && expected.ToJsonString() == actual.ToJsonString();

    private static bool Operator(JsonObject op, List<JsonNode?> candidates, bool present)
    {
        var (name, argument) = op.First();
        var strings = candidates.Select(c => c is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        return name switch
        {
            "exists" => argument!.GetValue<bool>() == (present && candidates.Any(c => c is not JsonObject)),
            "prefix" => present && strings.Any(s => s is not null && s.StartsWith(argument!.GetValue<string>(), StringComparison.Ordinal)),
            "suffix" => present && strings.Any(s => s is not null && s.EndsWith(argument!.GetValue<string>(), StringComparison.Ordinal)),
            "equals-ignore-case" => present && strings.Any(s => s is not null && s.Equals(argument!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)),
            "numeric" => present && candidates.Any(c => c is JsonValue v && v.TryGetValue<double>(out var number) && Numeric(argument!.AsArray(), number)),
            "anything-but" => present && candidates.All(c => !AnythingBut(argument, c)),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="value"/> is one of the excluded values (so anything-but fails).</summary>
    private static bool AnythingBut(JsonNode? excluded, JsonNode? value) => excluded switch
    {
        JsonArray list => list.Any(e => Literal(e, value)),
        JsonObject { Count: 1 } op when op.ContainsKey("prefix") =>
            value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(op["prefix"]!.GetValue<string>(), StringComparison.Ordinal),
        _ => Literal(excluded, value),
    };

    private static bool Numeric(JsonArray conditions, double number)
    {
        for (var i = 0; i + 1 < conditions.Count; i += 2)
        {
            var bound = conditions[i + 1]!.GetValue<double>();
            var holds = conditions[i]!.GetValue<string>() switch
            {
                "=" => number == bound,
                ">" => number > bound,
                ">=" => number >= bound,
                "<" => number < bound,
                "<=" => number <= bound,
                _ => false,
            };
            if (!holds) return false;
        }
        return true;
    }

    public override string ToString() => pattern.ToJsonString();

}
