using System.CommandLine;
using Conformance.Cli.Configuration;
using Conformance.Cli.Output;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Gherkin.Parsing;
using Gherkin.CucumberMessages;
using Conformance.Gherkin.Tags;
using Conformance.Reporting.Html;
using Conformance.Reporting.JUnit;
using Conformance.Reporting.Markdown;
using Conformance.Reporting.Model;
using Conformance.Reporting.Recordings;
using Conformance.Steps;
using Conformance.Steps.Drivers;
using Conformance.Targets;

namespace Conformance.Cli.Commands;

/// <summary><c>conformance run</c>: runs the feature files against a target and writes the reports.</summary>
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
            return await ExecuteAsync(new RunSettings(
                Pick(features, defaults?.Features), Pick(report, defaults?.Report), Pick(tags, defaults?.Tags), Pick(target, defaults?.Target),
                new TargetOptions(parsed.GetValue(seed), Pick(endpoint, defaults?.Endpoint), Pick(region, defaults?.Region), Pick(roleArn, defaults?.RoleArn), parsed.GetValue(runId)),
                parsed.GetValue(stepTimeout))
            {
                RecordDirectory = parsed.GetValue(record),
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

    internal sealed record RunSettings(string Features, string ReportDirectory, string? Tags, string Target, TargetOptions TargetOptions, int StepTimeoutSeconds)
    {
        public string? RecordDirectory { get; init; }

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
        public int Parallelism => Parallel ?? Target switch { "emulator" => 6, "localstack" or "aws" => 8, _ => 1 };
    }

    internal static async Task<int> ExecuteAsync(RunSettings settings, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        TagExpression? tagFilter = null;
        if (settings.Tags is not null)
        {
            try
            {
                tagFilter = TagExpression.Parse(settings.Tags);
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"error: --tags: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        Shard? shard = null;
        if (settings.Shard is not null)
        {
            (shard, var problem) = Shard.Parse(settings.Shard);
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.UsageOrInputError;
            }
        }
        IReadOnlyDictionary<string, double>? expectedSeconds = null;
        if (settings.Durations.Count > 0)
        {
            if (shard is null)
            {
                await error.WriteLineAsync("error: --durations balances the shares of --shard; give --shard i/n too.");
                return ExitCodes.UsageOrInputError;
            }
            try
            {
                expectedSeconds = settings.Durations.SelectMany(file => ScenarioDurations.Read(file))
                    .GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync($"error: --durations: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        var featuresDirectory = CommonOptions.ResolveFeatures(settings.Features);
        if (featuresDirectory is null)
        {
            await error.WriteLineAsync($"error: the features directory '{settings.Features}' does not exist (run from the repository root or pass --features DIR).");
            return ExitCodes.UsageOrInputError;
        }

        var traffic = new object();
        if (settings.Verbose) Traffic.Sink = line => { lock (traffic) error.WriteLine(Redaction.Redact("  " + line)); };
        using var stopsTheTraffic = new Conformance.Targets.Processes.OnDispose(() => Traffic.Sink = null);
        TargetSession session;
        try
        {
            session = await TargetSession.StartAsync(settings.Target, settings.TargetOptions, error, cancellation);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception ex) when (ex is TargetUnavailableException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            await error.WriteLineAsync($"error: the {settings.Target} target cannot run here: {Redaction.Redact(ex.Message)}");
            return ExitCodes.TargetUnavailable;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted while the target was starting; nothing ran.");
            return ExitCodes.Interrupted; // whatever had started was stopped by the target's own clean-up
        }
        await using var stopsTheTarget = session;
        await using var interrupts = cancellation.Register(session.Interrupt);
        var services = new ServiceRegistry().Add<ITarget>(_ => session.Create()).Add(_ => new WaitLimit { MaxWait = settings.MaxWait });
        var messages = new MessageCollector();
        var waits = new WaitBoard();
        // The share is decided on the whole selection, before the run keeps only its own scenarios.
        var shardKeys = shard?.Select(new FeatureLoader(new IncrementingIdGenerator()).LoadDirectory(featuresDirectory)
            .SelectMany(f => f.Pickles).Where(p => tagFilter?.Evaluate([.. p.Tags.Select(t => t.Name)]) ?? true)
            .Where(p => settings.Selects(p.Uri, p.Name, null, ""))
            .Select(p => $"{p.Uri}:{p.Location?.Line}"), expectedSeconds);
        var run = TestRun.Create(new RunOptions
        {
            FeaturesDirectory = featuresDirectory,
            BindingAssemblies = [StepsAssembly.Assembly],
            Services = services,
            Tags = tagFilter,
            Filter = plan => settings.Selects(plan.Pickle.Uri, plan.Pickle.Name, shardKeys, plan.Key),
            StepTimeout = TimeSpan.FromSeconds(settings.StepTimeoutSeconds),
            MaxParallelism = settings.Parallelism,
            ParallelScenarios = true,
            StopReason = session.Lost,
            // The longest waits start first, so that the rest of the run fits in them.
            StartFirst = plan => LambdaTime.Of(plan.Steps.Where(s => s.PickleStep is not null).Select(s => s.PickleStep!.Text)),
            OnWait = notice => waits.Note(notice),
        }, messages);

        var live = LiveProgress.Wanted(output, settings.Quiet);
        var console = new ConsoleReporter(live ? LiveProgress.Lines : output, error) { Quiet = settings.Quiet };
        waits.Started += console.WaitStarted;
        if (console.ReportInputErrors(run))
        {
            await WriteReportsAsync(settings, run, messages, null, console, session.Name);
            return ExitCodes.UsageOrInputError;
        }

        Exception? crash = null;
        try
        {
            if (live)
                await LiveProgress.RunAsync(run.TestCases.Count, $"{session.Name}: scenarios", waits, advance =>
                    run.RunAllAsync(result => { console.ScenarioFinished(result); advance(); }, cancellation));
            else
                await run.RunAllAsync(console.ScenarioFinished, cancellation);
            cancellation.ThrowIfCancellationRequested(); // interrupted during the last scenario
        }
        catch (OperationCanceledException ex) when (cancellation.IsCancellationRequested)
        {
            crash = ex; // Ctrl+C: the reports of what ran are still written, and the target is stopped
        }
        catch (Exception ex)
        {
            crash = ex;
            throw;
        }
        finally
        {
            await WriteReportsAsync(settings, run, messages, crash, console, session.Name);
        }
        console.Totals(run);
        if (crash is not null)
        {
            await error.WriteLineAsync("interrupted: the reports hold the scenarios that ran.");
            return ExitCodes.Interrupted;
        }
        if (session.Lost() is { } lost)
        {
            await error.WriteLineAsync($"error: the {session.Name} target was lost during the run; the scenarios that had not started are reported as not run.\n{Redaction.Redact(lost)}");
            return ExitCodes.TargetUnavailable;
        }
        // A gap is counted against the target like a wrong answer: the run did not pass.
        return run.Success && !run.Results.Any(r => r.Unsupported) ? ExitCodes.AllPassed : ExitCodes.Failures;
    }

    /// <summary>Writes the reports of whatever ran, also when the run ended early.</summary>
    private static async Task WriteReportsAsync(RunSettings settings, TestRun run, MessageCollector messages, Exception? crash, ConsoleReporter console, string targetName)
    {
        var directory = settings.ReportDirectory;
        await run.FinishAsync(crash);
        var ndjson = Path.Combine(directory, "messages.ndjson");
        // A service's error text may echo a credential; no report carries one.
        var lines = messages.Envelopes.Select(MessagesJson.Serialize).Select(Redaction.Redact).ToList();
        NdjsonFile.WriteLines(ndjson, lines);
        var html = Path.Combine(directory, "index.html");
        var report = RunReportReader.Read(lines);
        WriteAtomically(html, HtmlReport.Render(report, target: targetName));
        WriteAtomically(Path.Combine(directory, "junit.xml"), JUnitReport.Render(report));
        var summary = MarkdownSummary.Render(report, targetName);
        WriteAtomically(Path.Combine(directory, "summary.md"), summary);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary) File.AppendAllText(stepSummary, summary);
        console.ReportsWritten(ndjson, html);
        if (settings.RecordDirectory is { } recordings)
        {
            var count = ScenarioRecording.WriteAll(report, targetName, recordings, DateOnly.FromDateTime(DateTime.UtcNow));
            console.RecordingsWritten(recordings, count);
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        File.WriteAllText(path + ".tmp", content);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
