using Conformance.Core.Functions;

namespace Conformance.Engine.Functions;

/// <summary>
/// A function as the engine holds it: <c>$LATEST</c> and its published versions, aliases, reserved
/// concurrency, resource-based policy and per-qualifier asynchronous settings (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html, https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
/// </summary>
internal sealed class LambdaFunction(FunctionSpec spec, string arn)
{
    public const string Latest = "$LATEST";

    private FunctionSpec latest = spec;

    public string Name => latest.Name;
    public string Arn { get; } = arn;

    /// <summary>Published versions by number ("1", "2", ...), each a snapshot of <c>$LATEST</c>.</summary>
    public Dictionary<string, FunctionSpec> Versions { get; } = [];

    /// <summary>Aliases by name, each pointing at a version.</summary>
    public Dictionary<string, string> Aliases { get; } = [];

    public int? ReservedConcurrency { get; set; }

    public List<PermissionStatement> Policy { get; } = [];

    /// <summary>Asynchronous settings per qualifier (<c>$LATEST</c>, a version or an alias).</summary>
    public Dictionary<string, AsyncSettings> AsyncSettingsByQualifier { get; } = [];

    /// <summary>How many times the function ran, for behaviours that fail their first N invocations.</summary>
    public int Invocations { get; set; }

    public FunctionSpec SpecFor(string version) => version == Latest ? latest : Versions[version];

    public FunctionSpec LatestSpec => latest;

    public void Update(FunctionSpec spec) => latest = spec;

    public string PublishVersion()
    {
        var number = (Versions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Versions[number] = latest;
        return number;
    }

    /// <summary>True when the policy lets <paramref name="principal"/> invoke, from <paramref name="sourceArn"/> if the statement names one.</summary>
    public bool Allows(string principal, string? sourceArn, string? qualifier) => Policy.Any(s =>
        s.Principal == principal
        && (s.Qualifier is null || s.Qualifier == qualifier)
        && (s.SourceArn is null || sourceArn is not null && Matches(s.SourceArn, sourceArn)));

    private static bool Matches(string pattern, string value)
    {
        if (!pattern.Contains('*')) return pattern == value;
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex);
    }
}

/// <summary>Resolved asynchronous settings of one qualifier (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html, https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html).</summary>
internal sealed record AsyncSettings(int MaximumRetryAttempts, int MaximumEventAgeInSeconds, string? OnSuccess, string? OnFailure);
