using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>The real targets from the command line: the emulator stack run end to end, and the usage errors of the AWS-side options.</summary>
[Collection("working directory")]
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class TargetCommandsTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_emulator_target_gives_each_scenario_a_result_with_evidence_and_leaves_no_process()
    {
        // Three kinds of result: the emulator does what Lambda does; it differs (DryRun); it lacks the feature (versions).
        var temp = Directory.CreateDirectory(cli.Path("tmp")).FullName; // the run's folder, and so its processes, are found by this path
        var previousTemp = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", temp);
        var tags = "@source:invoke and @sync and not @needs:virtual-time and not @needs:concurrency and not @needs:log-tail";
        (int ExitCode, string Output, string Error) run;
        try
        {
            run = await cli.RunAsync("run", "--target", "emulator", "--verbose", "--features", RepositoryPaths.Features, "--tags", tags, "--report", cli.Path("out"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previousTemp);
        }
        var (exitCode, output, error) = run;

        error.ShouldNotContain("   at Conformance."); // no stack trace of ours (the emulator's own log may name exceptions)
        error.ShouldContain("[probe] "); // --verbose: the probe's reports
        error.ShouldContain("[serverless-offline (c");
        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldContain("passed  A synchronous invocation returns the function's response: The function receives the payload unchanged");
        output.ShouldContain("failed  Requests that Lambda rejects before the function runs: A dry run answers 204 and does not run the function");
        output.ShouldContain("observed: 400 InvalidParameterValueException");
        output.ShouldContain("unsupported A qualifier chooses the version that runs: A published version keeps the code it was published with");
        output.ShouldContain("unsupported: the emulator target lacks versions");
        File.ReadAllText(cli.Path("out", "summary.md")).ShouldContain("emulator");
        File.ReadAllLines(cli.Path("out", "messages.ndjson")).Last().ShouldContain("testRunFinished");
        ProcessTable.Mentioning(temp).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_region_that_does_not_exist_is_a_usage_error_and_nothing_is_created()
    {
        var (exitCode, output, error) = await cli.RunAsync("run", "--target", "aws", "--region", "mars-1", "--role-arn", "arn:aws:iam::111111111111:role/probe");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.Trim().ShouldBe("error: --region: 'mars-1' is not an AWS Region (e.g. us-east-1, eu-west-1).");
        output.ShouldNotContain("passed");
    }

    [Fact]
    public async Task An_endpoint_that_is_not_a_URL_is_a_usage_error()
    {
        var (exitCode, _, error) = await cli.RunAsync("run", "--target", "localstack", "--endpoint", "not a url", "--features", RepositoryPaths.Features);

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("--endpoint: 'not a url' is not an absolute URL");
    }

    [Fact]
    public async Task An_unreachable_LocalStack_exits_3_and_says_where_it_looked()
    {
        var port = Conformance.Targets.Processes.FreePorts.Next();
        var (exitCode, _, error) = await cli.RunAsync("run", "--target", "localstack", "--endpoint", $"http://127.0.0.1:{port}", "--features", RepositoryPaths.Features);

        exitCode.ShouldBe(ExitCodes.TargetUnavailable);
        error.ShouldContain($"error: the localstack target cannot run here: the target at http://127.0.0.1:{port}/ refused or did not answer");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Without_Docker_and_without_an_endpoint_LocalStack_is_looked_for_on_its_edge_port()
    {
        if (Conformance.Targets.Aws.LocalStackContainer.DockerAvailable()) Assert.Skip("a Docker engine is available here: the target would start LocalStack itself");
        if (Conformance.Targets.Processes.FreePorts.IsListening(4566)) Assert.Skip("something listens on 127.0.0.1:4566");

        var (exitCode, _, error) = await cli.RunAsync("run", "--target", "localstack", "--features", RepositoryPaths.Features);

        exitCode.ShouldBe(ExitCodes.TargetUnavailable);
        error.ShouldContain("the target at http://127.0.0.1:4566/ refused or did not answer");
    }

    [Fact]
    public async Task Cleanup_refuses_a_run_id_that_is_not_one()
    {
        var (exitCode, _, error) = await cli.RunAsync("cleanup", "--run-id", "../etc", "--target", "localstack");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("--run-id: '../etc' is not a run id");
    }

    [Fact]
    public async Task Cleanup_of_an_unreachable_endpoint_exits_3()
    {
        var port = Conformance.Targets.Processes.FreePorts.Next();
        var (exitCode, _, error) = await cli.RunAsync("cleanup", "--run-id", "abc123", "--target", "localstack", "--endpoint", $"http://127.0.0.1:{port}");

        exitCode.ShouldBe(ExitCodes.TargetUnavailable);
        error.ShouldContain("cannot be reached");
    }
}
