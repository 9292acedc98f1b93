using System.CommandLine;
using Conformance.Cli.Configuration;
using Conformance.Steps.Drivers;

namespace Conformance.Cli.Commands;

/// <summary>
/// The options of <c>conformance run</c> and how they bind to <see cref="RunSettings"/> (the command line
/// wins over <c>conformance.json</c>, which wins over the defaults). <c>conformance plan</c> takes the same
/// options, so a user can put <c>plan</c> in front of the command line they will run.
/// </summary>
internal sealed class RunOptionSet
{
    public Option<string> Features { get; } = CommonOptions.Features();

    public Option<string> Report { get; } = new("--report") { Description = "Directory for messages.ndjson and index.html.", DefaultValueFactory = _ => Path.Combine("reports", "latest") };

    public Option<string?> Tags { get; } = new("--tags") { Description = "Tag expression selecting scenarios, e.g. \"@async and not @slow\"." };

    public Option<string> Target { get; } = new("--target")
    {
        Description = "Target to run against: reference (the in-process engine), emulator (the local serverless-offline stack, installed on first use), serverless-aws-lambda (installed on first use), localstack or aws.",
        DefaultValueFactory = _ => "reference",
    };

    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "One endpoint for every AWS service (LocalStack or another AWS-compatible endpoint); implies the localstack target's behaviour for credentials." };

    public Option<string?> Region { get; } = new("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION)." };

    public Option<string?> RoleArn { get; } = new("--role-arn") { Description = "Execution role for the probe function on AWS (default: CONFORMANCE_ROLE_ARN)." };

    public Option<string?> RunId { get; } = new("--run-id") { Description = "The id in every resource name on AWS or LocalStack (default: 8 random hex digits), for `conformance cleanup`." };

    public Option<string?> Record { get; } = new("--record") { Description = "Also write each scenario's normalised observations to DIR, as a baseline for `conformance compare`." };

    public Option<string?> Shard { get; } = new("--shard") { Description = "Run only share i of n of the selected scenarios (e.g. 1/2), for CI runners side by side; merge with `conformance report --merge`." };

    public Option<string[]> Durations { get; } = new("--durations")
    {
        Description = "With --shard: an earlier run's messages.ndjson on the same target (or its shards' files); the shares are balanced by how long each scenario took there.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int?> Parallel { get; } = new("--parallel")
    {
        Description = "How many scenarios run at once, each with its own resources (default: 1 on reference, 6 on emulator, 8 on localstack and aws).",
    };

    public Option<string?> FeatureFilter { get; } = new("--feature") { Description = "Only the feature files whose path contains this text, e.g. pull/sqs." };

    public Option<string?> NameFilter { get; } = new("--name") { Description = "Only the scenarios whose name contains this text (case-insensitive)." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Also print the target's traffic: the emulator's output, the probe's reports, each request to AWS (never credentials or bodies)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the scenarios that did not pass, and the totals (for CI logs)." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for the reference engine's ids.", DefaultValueFactory = _ => 0 };

    public Option<double> MaxWait { get; } = new("--max-wait")
    {
        Description = "Minutes of Lambda time a scenario may let pass on a real target, waited in real time; scenarios that need more are not applicable there (default: 15).",
        DefaultValueFactory = _ => LambdaTime.DefaultMaxWait.TotalMinutes,
    };

    public Option<int> StepTimeout { get; } = new("--step-timeout") { Description = "Seconds a step may take before it fails (a hanging target never hangs the run).", DefaultValueFactory = _ => 300 };

    public Option<string?> Baseline { get; } = new("--baseline") { Description = "A baseline of accepted divergences (`conformance baseline write`): exit 0 when nothing changed, 1 on a regression." };

    public Option<bool> Strict { get; } = new("--strict") { Description = "With --baseline: exit 1 also when an accepted divergence now passes (the baseline is out of date)." };

    public Option<string> Config { get; } = new("--config") { Description = $"A {ConformanceConfig.FileName} with this project's defaults (options given here win).", DefaultValueFactory = _ => ConformanceConfig.FileName };

    public RunOptionSet()
    {
        Target.AcceptOnlyFromAmong(TargetSession.Names);
        RunId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && (id.Length is 0 or > 12 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
                result.AddError($"--run-id: '{id}' must be 1 to 12 lowercase letters or digits.");
        });
        Parallel.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !(int.TryParse(result.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var workers) && workers is >= 1 and <= 64))
                result.AddError("--parallel: give a number from 1 to 64.");
        });
        MaxWait.Validators.Add(result =>
        {
            // Read from the text: a value that is no number at all gets the same clear message.
            if (result.Tokens.Count > 0 && !(double.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 24 * 60))
                result.AddError($"--max-wait: '{result.Tokens[^1].Value}' is not a positive number of minutes up to 1440 (a day).");
        });
    }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     Features, Report, Tags, Target, Endpoint, Region, RoleArn, RunId, Record, Shard, Durations, Parallel, FeatureFilter, NameFilter,
                     Verbose, Quiet, Seed, StepTimeout, MaxWait, Baseline, Strict, Config,
                 })
            command.Options.Add(option);
    }

    /// <summary>
    /// The run the command line describes, with the project's <c>conformance.json</c> (or the <c>--config</c>
    /// file) filling what it leaves out; or why there is none, as a message for the user.
    /// </summary>
    public (RunSettings? Settings, string? Problem) Bind(ParseResult parsed)
    {
        ConformanceConfig? defaults;
        var configPath = parsed.GetValue(Config)!;
        if (parsed.GetResult(Config) is { Implicit: false } && !File.Exists(configPath)) return (null, $"--config: {configPath}: no such file.");
        try
        {
            defaults = ConformanceConfig.Load(configPath);
        }
        catch (InvalidDataException ex)
        {
            return (null, ex.Message);
        }
        // A value from the command line wins; then the configuration file; then the option's default.
        T Pick<T>(Option<T> option, T? configured) => parsed.GetResult(option) is { Implicit: false } || configured is null ? parsed.GetValue(option)! : configured;
        return (new RunSettings(
            Pick(Features, defaults?.Features), Pick(Report, defaults?.Report), Pick(Tags, defaults?.Tags), Pick(Target, defaults?.Target),
            new TargetOptions(parsed.GetValue(Seed), Pick(Endpoint, defaults?.Endpoint), Pick(Region, defaults?.Region), Pick(RoleArn, defaults?.RoleArn), parsed.GetValue(RunId))
            {
                Functions = Core.Functions.DeclaredFunctions.Of(defaults?.Functions ?? []),
            },
            parsed.GetValue(StepTimeout))
        {
            RecordDirectory = parsed.GetValue(Record),
            BaselinePath = parsed.GetValue(Baseline),
            Strict = parsed.GetValue(Strict),
            Shard = parsed.GetValue(Shard),
            Durations = parsed.GetValue(Durations) ?? [],
            Parallel = Pick(Parallel, defaults?.Parallel),
            Quiet = parsed.GetValue(Quiet),
            Verbose = parsed.GetValue(Verbose),
            FeatureFilter = parsed.GetValue(FeatureFilter),
            NameFilter = parsed.GetValue(NameFilter),
            MaxWait = TimeSpan.FromMinutes(parsed.GetValue(MaxWait)),
        }, null);
    }
}
