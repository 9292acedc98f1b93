using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;

namespace Conformance.Gherkin.Tests.Execution;

/// <summary>Runs feature text with chosen binding classes in a temporary features directory.</summary>
internal sealed class RunHarness : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("gherkin-tests");

    public MessageCollector Messages { get; } = new();

    public TestRun Create(string featureText, params Type[] bindings) => Create([featureText], bindings);

    public TestRun Create(IReadOnlyList<string> featureTexts, Type[] bindings, ServiceRegistry? services = null, Conformance.Gherkin.Tags.TagExpression? tags = null, int parallelism = 1, TimeSpan? stepTimeout = null, Func<string?>? stopReason = null,
        bool parallelScenarios = false, Func<TestCasePlan, TimeSpan>? startFirst = null, Action<WaitNotice>? onWait = null)
    {
        var features = Directory.CreateDirectory(Path.Combine(root.FullName, "features"));
        for (var i = 0; i < featureTexts.Count; i++) File.WriteAllText(Path.Combine(features.FullName, $"f{i}.feature"), featureTexts[i]);
        return TestRun.Create(new RunOptions
        {
            FeaturesDirectory = features.FullName,
            BindingTypes = bindings,
            Services = services ?? new ServiceRegistry(),
            Tags = tags,
            MaxParallelism = parallelism,
            StepTimeout = stepTimeout,
            StopReason = stopReason,
            ParallelScenarios = parallelScenarios,
            StartFirst = startFirst,
            OnWait = onWait,
        }, Messages);
    }

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(string featureText, params Type[] bindings)
    {
        var run = Create(featureText, bindings);
        var results = await run.RunAllAsync();
        await run.FinishAsync();
        return results;
    }

    public void Dispose() => root.Delete(recursive: true);
}
