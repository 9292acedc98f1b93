using Conformance.Tests.Shared;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Steps;
using Conformance.Targets.Reference;

[assembly: AssemblyFixture(typeof(Conformance.Features.Tests.FeatureRun))]

namespace Conformance.Features.Tests;

/// <summary>
/// One Cucumber run shared by every scenario test: started when the first test needs it, finished
/// (and its message stream written to <c>TestResults/features.ndjson</c>) when the tests end.
/// Each scenario gets a fresh reference target.
/// </summary>
public sealed class FeatureRun : IAsyncLifetime
{
    private readonly MessageCollector messages = new();

    public FeatureRun()
    {
        Run = TestRun.Create(new RunOptions
        {
            FeaturesDirectory = RepositoryPaths.Features,
            BindingAssemblies = [StepsAssembly.Assembly],
            Services = new ServiceRegistry().Add<ITarget>(_ => new ReferenceTarget()),
        }, messages);
    }

    public TestRun Run { get; }

    public static string MessagesPath => Path.Combine(AppContext.BaseDirectory, "TestResults", "features.ndjson");

    public async ValueTask InitializeAsync() => await Run.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Run.FinishAsync();
        NdjsonFile.Write(MessagesPath, messages.Envelopes);
    }
}
