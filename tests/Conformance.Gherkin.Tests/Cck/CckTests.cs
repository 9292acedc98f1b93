using System.Reflection;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;

namespace Conformance.Gherkin.Tests.Cck;

/// <summary>Runs the Cucumber Compatibility Kit's samples and compares our message streams with theirs.</summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class CckTests
{
    public static TheoryData<string> SupportedSamples => new(CckSamples.Supported.Keys.Order());

    [Theory, MemberData(nameof(SupportedSamples))]
    public async Task A_supported_sample_gives_the_kits_message_stream(string sample)
    {
        var differences = await RunAsync(sample);
        differences.ShouldBeEmpty($"CCK sample '{sample}' differs:\n{string.Join("\n", differences)}");
    }

    [Fact]
    public async Task Every_sample_is_either_supported_or_listed_with_a_reason()
    {
        Directory.Exists(CckSamples.Root).ShouldBeTrue($"{CckSamples.Root} is missing: run ./test.sh, which installs the kit with npm ci");
        var samples = Directory.GetDirectories(CckSamples.Root).Select(Path.GetFileName).ToList();
        samples.Count.ShouldBe(CckSamples.Total);
        samples.Except(CckSamples.Supported.Keys).Except(CckSamples.Unsupported.Keys).ShouldBeEmpty();
        CckSamples.Supported.Keys.Intersect(CckSamples.Unsupported.Keys).ShouldBeEmpty();

        var passing = 0;
        foreach (var sample in CckSamples.Supported.Keys)
            if ((await RunAsync(sample)).Count == 0) passing++;
        var summary = $"CCK: {passing} of {CckSamples.Total} samples pass";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        TestContext.Current.AddAttachment("cck-summary", summary);
        passing.ShouldBe(CckSamples.Supported.Count);
    }

    private static async Task<IReadOnlyList<string>> RunAsync(string sample)
    {
        var sampleDirectory = Path.Combine(CckSamples.Root, sample);
        Directory.Exists(sampleDirectory).ShouldBeTrue($"{sampleDirectory} is missing: run ./test.sh, which installs the kit with npm ci");
        var workspace = Directory.CreateTempSubdirectory("cck");
        try
        {
            var features = Directory.CreateDirectory(Path.Combine(workspace.FullName, "samples", sample));
            foreach (var file in Directory.GetFiles(sampleDirectory, "*.feature"))
                File.Copy(file, Path.Combine(features.FullName, Path.GetFileName(file)));

            var bindingNamespace = $"{typeof(CckTests).Namespace}.Samples.{CckSamples.Supported[sample]}";
            var bindings = Assembly.GetExecutingAssembly().GetTypes().Where(t => t.Namespace == bindingNamespace).ToList();
            var messages = new MessageCollector();
            var run = TestRun.Create(new RunOptions
            {
                FeaturesDirectory = features.FullName,
                BindingTypes = bindings,
                ReverseOrder = CckSamples.RunsInReverseOrder(sample),
            }, messages);
            await run.RunAllAsync();
            await run.FinishAsync();

            var expected = File.ReadLines(Path.Combine(sampleDirectory, $"{sample}.ndjson"));
            return CckComparer.Differences(expected, messages.Envelopes.Select(MessagesJson.Serialize));
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }
}
