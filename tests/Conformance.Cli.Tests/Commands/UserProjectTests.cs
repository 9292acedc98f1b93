namespace Conformance.Cli.Tests.Commands;

/// <summary><c>conformance init</c> and a run of a project's own functions (real Node.js processes).</summary>
[Collection("working directory")]
public sealed class UserProjectTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    /// <summary>A copy of the order-processing example (shipped beside the tool), so its reports land outside the repository.</summary>
    private void CopyExample()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "order-processing");
        foreach (var file in Directory.GetFiles(example, "*", SearchOption.AllDirectories))
        {
            var copy = cli.Path(Path.GetRelativePath(example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [Fact]
    public async Task Init_never_overwrites_a_project_and_writes_only_Node_examples()
    {
        File.WriteAllText(cli.Path("conformance.json"), "{}");

        var existing = await cli.RunAsync("init");
        var otherRuntime = await cli.RunAsync("init", "--dir", "fresh", "--runtime", "python3.12");

        existing.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        existing.Error.ShouldContain($"{cli.Path("conformance.json")} already exists");
        File.ReadAllText(cli.Path("conformance.json")).ShouldBe("{}");
        otherRuntime.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
        otherRuntime.Error.ShouldContain("not 'python3.12'");
        Directory.Exists(cli.Path("fresh")).ShouldBeFalse();
    }

    [Fact]
    [Trait("Tier", "integration")]
    public async Task An_initialised_project_passes_and_a_handler_that_always_throws_fails_with_its_own_error()
    {
        var init = await cli.RunAsync("init", "--runtime", "nodejs22.x");
        var passing = await cli.RunAsync("run", "--report", cli.Path("passing"));
        File.WriteAllText(cli.Path("src", "orders.js"), "exports.handler = async () => { throw new RangeError('no stock left'); };");
        var failing = await cli.RunAsync("run", "--report", cli.Path("failing"));

        init.ExitCode.ShouldBe(ExitCodes.AllPassed, init.Error);
        File.ReadAllText(cli.Path("conformance.json")).ShouldContain("\"runtime\": \"nodejs22.x\"");
        passing.ExitCode.ShouldBe(ExitCodes.AllPassed, passing.Output + passing.Error);
        passing.Output.ShouldContain("3 scenarios: 3 passed");
        failing.ExitCode.ShouldBe(ExitCodes.Failures);
        failing.Output.ShouldContain("\"errorType\":\"RangeError\",\"errorMessage\":\"no stock left\"");
        File.ReadAllText(cli.Path("failing", "junit.xml")).ShouldContain("no stock left");
        File.ReadAllText(cli.Path("failing", "index.html")).ShouldContain("no stock left");
    }

    [Fact]
    [Trait("Tier", "integration")]
    public async Task The_example_s_first_version_fails_its_spec_with_the_wrong_id_as_evidence_and_the_fixed_one_passes()
    {
        CopyExample();

        var fixedVersion = await cli.RunAsync("run", "--report", cli.Path("fixed"));
        var firstVersion = await cli.RunAsync("run", "--config", "conformance.first-version.json", "--report", cli.Path("first"));

        fixedVersion.ExitCode.ShouldBe(ExitCodes.AllPassed, fixedVersion.Output + fixedVersion.Error);
        firstVersion.ExitCode.ShouldBe(ExitCodes.Failures);
        firstVersion.Output.ShouldContain("observed: \"broken-2\" (not an id in the batch)");
        firstVersion.Output.ShouldContain("The function received order-1 2 times.");
    }

    [Fact]
    [Trait("Tier", "integration")]
    public async Task What_the_function_sends_to_a_queue_the_scenario_created_is_checked_there()
    {
        var sdk = Path.Combine(Conformance.Tests.Shared.RepositoryPaths.Root, "tests", "node", "node_modules", "@aws-sdk", "client-sqs").Replace('\\', '/');
        Directory.CreateDirectory(cli.Path("src"));
        File.WriteAllText(cli.Path("src", "orders.js"), $$"""
            const sqs = require('{{sdk}}');
            const client = new sqs.SQSClient({});
            exports.handler = async (event) => {
              const { QueueUrl } = await client.send(new sqs.GetQueueUrlCommand({ QueueName: 'confirmations' }));
              for (const record of event.Records) await client.send(new sqs.SendMessageCommand({ QueueUrl, MessageBody: `confirmed ${record.body}` }));
            };
            """);
        File.WriteAllText(cli.Path("conformance.json"), """{ "functions": { "orders": { "handler": "src/orders.handler", "runtime": "nodejs20.x", "timeout": 10 } } }""");
        cli.WriteFeature("confirm.feature", """
            Feature: Confirmations
              Scenario: each order is confirmed
                Given the function "orders"
                And an SQS queue "incoming" with a visibility timeout of 30 seconds
                And an SQS queue "confirmations" with a visibility timeout of 30 seconds
                And the function polls "incoming"
                When the messages "order-1, order-2" are sent to "incoming"
                And 1 second passes
                Then every invocation succeeded
                And "confirmations" holds the messages "confirmed order-1, confirmed order-2"
            """);

        var (exitCode, output, error) = await cli.RunAsync("run", "--report", cli.Path("reports"));

        exitCode.ShouldBe(ExitCodes.AllPassed, output + error);
    }

    [Fact]
    [Trait("Tier", "integration")]
    public async Task A_project_whose_handler_file_is_missing_is_refused_before_anything_runs()
    {
        CopyExample();
        File.Delete(cli.Path("src", "orders.js"));

        var (exitCode, output, error) = await cli.RunAsync("run");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldBe($"error: function \"orders\": the handler file src/orders.js (or .mjs, .cjs) does not exist in {cli.Directory.FullName}.\n", StringCompareShould.IgnoreLineEndings);
        output.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Tier", "integration")]
    public async Task On_the_emulator_the_first_version_fails_with_the_same_evidence_and_the_fixed_one_passes()
    {
        CopyExample();

        var fixedVersion = await cli.RunAsync("run", "--target", "emulator", "--report", cli.Path("fixed"));
        var firstVersion = await cli.RunAsync("run", "--target", "emulator", "--config", "conformance.first-version.json", "--report", cli.Path("first"));

        fixedVersion.ExitCode.ShouldBe(ExitCodes.AllPassed, fixedVersion.Output + fixedVersion.Error);
        firstVersion.ExitCode.ShouldBe(ExitCodes.Failures);
        firstVersion.Output.ShouldContain("observed: \"broken-2\" (not an id in the batch)");
    }
}
