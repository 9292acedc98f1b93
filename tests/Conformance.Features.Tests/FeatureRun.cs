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
public sealed class FeatureRun : IDisposable
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
        Run.Start();
    }

    public TestRun Run { get; }

    public static string MessagesPath => Path.Combine(AppContext.BaseDirectory, "TestResults", "features.ndjson");

    public void Dispose()
    {
        Run.Finish();
        NdjsonFile.Write(MessagesPath, messages.Envelopes);
    }
}
