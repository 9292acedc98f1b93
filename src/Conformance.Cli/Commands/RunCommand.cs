using System.CommandLine;
using Conformance.Cli.Configuration;
using Conformance.Steps.Drivers;

namespace Conformance.Cli.Commands;

/// <summary>
/// <c>conformance run</c>: its options and how they bind to <see cref="RunSettings"/> (the command line
/// wins over <c>conformance.json</c>, which wins over the defaults); <see cref="RunExecution"/> runs it.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var features = CommonOptions.Features();
        var report = new Option<string>("--report") { Description = "Directory for messages.ndjson and index.html.", DefaultValueFactory = _ => Path.Combine("reports", "latest") };
        var tags = new Option<string?>("--tags") { Description = "Tag expression selecting scenarios, e.g. \"@async and not @slow\"." };
        var target = new Option<string>("--target")
        {
            Description = "Target to run against: reference (the in-process engine) or emulator (the local serverless-offline stack, installed on first use).",
            DefaultValueFactory = _ => "reference",
        };
        target.AcceptOnlyFromAmong(TargetSession.Names);
        var endpoint = new Option<string?>("--endpoint") { Description = "One endpoint for every AWS service (LocalStack or another AWS-compatible endpoint); implies the localstack target's behaviour for credentials." };
        var region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION)." };
        var roleArn = new Option<string?>("--role-arn") { Description = "Execution role for the probe function on AWS (default: CONFORMANCE_ROLE_ARN)." };
        var runId = new Option<string?>("--run-id") { Description = "The id in every resource name on AWS or LocalStack (default: 8 random hex digits), for `conformance cleanup`." };
        runId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && (id.Length is 0 or > 12 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
                result.AddError($"--run-id: '{id}' must be 1 to 12 lowercase letters or digits.");
        });
        var record = new Option<string?>("--record") { Description = "Also write each scenario's normalised observations to DIR, as a baseline for `conformance compare`." };
        var shard = new Option<string?>("--shard") { Description = "Run only share i of n of the selected scenarios (e.g. 1/2), for CI runners side by side; merge with `conformance report --merge`." };
        var durations = new Option<string[]>("--durations")
        {
            Description = "With --shard: an earlier run's messages.ndjson on the same target (or its shards' files); the shares are balanced by how long each scenario took there.",
            AllowMultipleArgumentsPerToken = true,
        };
        var parallel = new Option<int?>("--parallel")
        {
            Description = "How many scenarios run at once, each with its own resources (default: 1 on reference, 6 on emulator, 8 on localstack and aws).",
        };
        parallel.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !(int.TryParse(result.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var workers) && workers is >= 1 and <= 64))
                result.AddError("--parallel: give a number from 1 to 64.");
        });
        var featureFilter = new Option<string?>("--feature") { Description = "Only the feature files whose path contains this text, e.g. pull/sqs." };
        var nameFilter = new Option<string?>("--name") { Description = "Only the scenarios whose name contains this text (case-insensitive)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the target's traffic: the emulator's output, the probe's reports, each request to AWS (never credentials or bodies)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the scenarios that did not pass, and the totals (for CI logs)." };
        var seed = new Option<int>("--seed") { Description = "Seed for the reference engine's ids.", DefaultValueFactory = _ => 0 };
        var maxWait = new Option<double>("--max-wait")
        {
            Description = "Minutes of Lambda time a scenario may let pass on a real target, waited in real time; scenarios that need more are not applicable there (default: 15).",
            DefaultValueFactory = _ => LambdaTime.DefaultMaxWait.TotalMinutes,
        };
        maxWait.Validators.Add(result =>
        {
            // Read from the text: a value that is no number at all gets the same clear message.
            if (result.Tokens.Count > 0 && !(double.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 24 * 60))
                result.AddError($"--max-wait: '{result.Tokens[^1].Value}' is not a positive number of minutes up to 1440 (a day).");
        });
        var stepTimeout = new Option<int>("--step-timeout") { Description = "Seconds a step may take before it fails (a hanging target never hangs the run).", DefaultValueFactory = _ => 300 };

        var command = new Command("run", "Run the specification against a target and write the reports.\n\nExample:\n  conformance run --tags \"@async\" --report reports/async")
        {
            features, report, tags, target, endpoint, region, roleArn, runId, record, shard, durations, parallel, featureFilter, nameFilter, verbose, quiet, seed, stepTimeout, maxWait,
        };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline of accepted divergences (`conformance baseline write`): exit 0 when nothing changed, 1 on a regression." };
        var strict = new Option<bool>("--strict") { Description = "With --baseline: exit 1 also when an accepted divergence now passes (the baseline is out of date)." };
        command.Options.Add(baseline);
        command.Options.Add(strict);
        var config = new Option<string>("--config") { Description = $"A {ConformanceConfig.FileName} with this project's defaults (options given here win).", DefaultValueFactory = _ => ConformanceConfig.FileName };
        command.Options.Add(config);
        command.SetAction(async (parsed, cancellation) =>
        {
            ConformanceConfig? defaults;
            var configPath = parsed.GetValue(config)!;
            if (parsed.GetResult(config) is { Implicit: false } && !File.Exists(configPath))
            {
                await error.WriteLineAsync($"error: --config: {configPath}: no such file.");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                defaults = ConformanceConfig.Load(configPath);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
            // A value from the command line wins; then the configuration file; then the option's default.
            T Pick<T>(Option<T> option, T? configured) => parsed.GetResult(option) is { Implicit: false } || configured is null ? parsed.GetValue(option)! : configured;
            return await RunExecution.ExecuteAsync(new RunSettings(
                Pick(features, defaults?.Features), Pick(report, defaults?.Report), Pick(tags, defaults?.Tags), Pick(target, defaults?.Target),
                new TargetOptions(parsed.GetValue(seed), Pick(endpoint, defaults?.Endpoint), Pick(region, defaults?.Region), Pick(roleArn, defaults?.RoleArn), parsed.GetValue(runId))
                {
                    Functions = Core.Functions.DeclaredFunctions.Of(defaults?.Functions ?? []),
                },
                parsed.GetValue(stepTimeout))
            {
                RecordDirectory = parsed.GetValue(record),
                BaselinePath = parsed.GetValue(baseline),
                Strict = parsed.GetValue(strict),
                Shard = parsed.GetValue(shard),
                Durations = parsed.GetValue(durations) ?? [],
                Parallel = Pick(parallel, defaults?.Parallel),
                Quiet = parsed.GetValue(quiet),
                Verbose = parsed.GetValue(verbose),
                FeatureFilter = parsed.GetValue(featureFilter),
                NameFilter = parsed.GetValue(nameFilter),
                MaxWait = TimeSpan.FromMinutes(parsed.GetValue(maxWait)),
            }, output, error, cancellation);
        });
        return command;
    }
}
