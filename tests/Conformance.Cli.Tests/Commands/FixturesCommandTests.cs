using Conformance.Events.Fixtures;

namespace Conformance.Cli.Tests.Commands;

[Collection("working directory")]
public sealed class FixturesCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Generate_writes_every_fixture_and_the_same_seed_writes_the_same_bytes()
    {
        var (exitCode, output, _) = await cli.RunAsync("fixtures", "generate", "--seed", "5", "--out", cli.Path("a"));
        await cli.RunAsync("fixtures", "generate", "--seed", "5", "--out", cli.Path("b"));

        exitCode.ShouldBe(ExitCodes.AllPassed);
        output.ShouldContain($"wrote {FixtureCatalog.All.Count} fixtures and the folders' SOURCES.md");
        foreach (var fixture in FixtureCatalog.All)
            File.ReadAllText(cli.Path("a", fixture.Source, fixture.FileName)).ShouldBe(File.ReadAllText(cli.Path("b", fixture.Source, fixture.FileName)));
    }

    [Fact]
    public async Task Validate_accepts_generated_events_and_names_each_wrong_field()
    {
        await cli.RunAsync("fixtures", "generate", "--out", cli.Path("f"));
        var good = cli.Path("f", "sqs", "sqs-standard-event.json");
        var bad = cli.Path("bad.json");
        File.WriteAllText(bad, File.ReadAllText(good).Replace("\"md5OfBody\"", "\"md5\"").Replace("\"awsRegion\": \"", "\"awsRegion\": 1, \"x\": \""));

        var (exitCode, output, _) = await cli.RunAsync("fixtures", "validate", good, bad);

        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldContain($"ok      {good} (sqs)");
        output.ShouldContain($"invalid {bad} (sqs)");
        output.ShouldContain("$.Records[0].md5OfBody: missing (expected a string)");
        output.ShouldContain("$.Records[0].awsRegion: expected a string, found a number");
    }

    [Fact]
    public async Task Validate_names_a_field_AWS_sends_that_the_kit_s_own_shape_leaves_optional()
    {
        await cli.RunAsync("fixtures", "generate", "--out", cli.Path("f"));
        var withoutSequencer = cli.Path("s3.json");
        var s3 = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(cli.Path("f", "s3", "s3-object-created-event.json")))!;
        s3["Records"]![0]!["s3"]!["object"]!.AsObject().Remove("sequencer");
        File.WriteAllText(withoutSequencer, s3.ToJsonString());

        var (exitCode, output, _) = await cli.RunAsync("fixtures", "validate", withoutSequencer);

        exitCode.ShouldBe(ExitCodes.Failures);
        output.ShouldContain("$.Records[0].s3.object.sequencer: missing: AWS sends it (string; recorded: localstack/localstack at 8b9a79f0, tests/aws/services/s3/");
    }

    [Fact]
    public async Task Generate_with_a_source_makes_a_batch_per_seed_with_the_given_body()
    {
        File.WriteAllText(cli.Path("body.json"), """{"orderId":7}""");

        var first = await cli.RunAsync("fixtures", "generate", "--source", "sqs", "--count", "3", "--seed", "7", "--body", cli.Path("body.json"));
        var again = await cli.RunAsync("fixtures", "generate", "--source", "sqs", "--count", "3", "--seed", "7", "--body", cli.Path("body.json"));
        var other = await cli.RunAsync("fixtures", "generate", "--source", "sqs", "--count", "3", "--seed", "8");
        var written = await cli.RunAsync("fixtures", "generate", "--source", "kinesis", "--out", cli.Path("out"));
        var badCount = await cli.RunAsync("fixtures", "generate", "--source", "sqs", "--count", "0");

        first.ExitCode.ShouldBe(ExitCodes.AllPassed);
        var records = System.Text.Json.Nodes.JsonNode.Parse(first.Output)!["Records"]!.AsArray();
        records.Count.ShouldBe(3);
        records.Select(r => r!["body"]!.ToString()).ShouldAllBe(b => b == """{"orderId":7}""");
        again.Output.ShouldBe(first.Output);
        other.Output.ShouldNotBe(first.Output);
        written.Output.ShouldContain("kinesis-event.json");
        File.Exists(cli.Path("out", "kinesis-event.json")).ShouldBeTrue();
        badCount.ExitCode.ShouldBe(ExitCodes.UsageOrInputError);
    }

    [Fact]
    public async Task Validate_reports_unreadable_and_unrecognised_files_with_exit_code_2()
    {
        File.WriteAllText(cli.Path("broken.json"), "{ not json");
        File.WriteAllText(cli.Path("unknown.json"), "{\"hello\": 1}");

        var (exitCode, _, error) = await cli.RunAsync("fixtures", "validate", cli.Path("broken.json"), cli.Path("unknown.json"), cli.Path("missing.json"));

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("broken.json: not JSON:");
        error.ShouldContain("unknown.json: not recognised as any event shape; pass --kind");
        error.ShouldContain("missing.json: cannot be read");
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_kind_is_a_usage_error()
    {
        var (exitCode, _, error) = await cli.RunAsync("fixtures", "validate", "--kind", "sns", "x.json");

        exitCode.ShouldBe(ExitCodes.UsageOrInputError);
        error.ShouldContain("sns");
    }
}
