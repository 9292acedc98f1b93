using Conformance.Steps.Drivers;

namespace Conformance.Cli.Commands;

/// <summary>What one <c>conformance run</c> is asked to do, from the command line and <c>conformance.json</c>.</summary>
internal sealed record RunSettings(string Features, string ReportDirectory, string? Tags, string Target, TargetOptions TargetOptions, int StepTimeoutSeconds)
{
    public string? RecordDirectory { get; init; }

    /// <summary>A baseline of accepted divergences (<see cref="BaselineGate"/>), and whether progress fails the run too.</summary>
    public string? BaselinePath { get; init; }

    public bool Strict { get; init; }

    public string? Shard { get; init; }

    public IReadOnlyList<string> Durations { get; init; } = [];

    public int? Parallel { get; init; }

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    public string? FeatureFilter { get; init; }

    public string? NameFilter { get; init; }

    /// <summary>How much Lambda time a scenario may let pass on a real target (see <see cref="WaitLimit"/>).</summary>
    public TimeSpan MaxWait { get; init; } = LambdaTime.DefaultMaxWait;

    /// <summary>Whether a scenario passes --feature and --name (and the shard, when there is one).</summary>
    public bool Selects(string uri, string name, IReadOnlySet<string>? shardKeys, string key) =>
        (FeatureFilter is null || uri.Contains(FeatureFilter, StringComparison.Ordinal))
        && (NameFilter is null || name.Contains(NameFilter, StringComparison.OrdinalIgnoreCase))
        && (shardKeys is null || shardKeys.Contains(key));

    /// <summary>Real targets spend most of a scenario waiting, so several run at once unless told otherwise.</summary>
    public int Parallelism => Parallel ?? Target switch { "emulator" or "serverless-aws-lambda" => 6, "localstack" or "aws" => 8, _ => 1 };
}
