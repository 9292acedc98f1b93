using System.Reflection;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Steps;
using Conformance.Targets.Reference;
using Conformance.Targets.UserCode;
using Io.Cucumber.Messages.Types;
using Xunit;

namespace Conformance.Testing;

/// <summary>What a suite runs: where the project and its features are, and which assemblies add steps.</summary>
public sealed record SuiteOptions
{
    /// <summary>The folder holding <c>conformance.json</c>; by default the nearest one above the test's output.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>The features to run; by default the project's <c>features</c> folder.</summary>
    public string? FeaturesDirectory { get; init; }

    /// <summary>Assemblies with <c>[Binding]</c> classes of the team's own, used beside the kit's vocabulary.</summary>
    public IReadOnlyList<Assembly> BindingAssemblies { get; init; } = [];

    /// <summary>Seeds the reference engine's ids (message ids, request ids), so a run repeats.</summary>
    public int Seed { get; init; }
}

/// <summary>
/// One Cucumber run of a project's features on the reference engine, with the project's own functions
/// running as real processes: a team's xUnit v3 test project derives a class from it, registers it as an
/// assembly fixture and runs each row of <see cref="ScenarioCatalog.Rows(string)"/> with <see cref="RunAsync"/>.
/// The run's Cucumber Messages are written to <c>TestResults/conformance.ndjson</c> at the end
/// (<c>conformance report</c> renders them).
/// </summary>
public abstract class ConformanceSuite : IAsyncLifetime
{
    private readonly MessageCollector messages = new();

    protected ConformanceSuite(SuiteOptions options)
    {
        Project = UserProject.Load(options.ProjectDirectory);
        FeaturesDirectory = options.FeaturesDirectory is { } features ? Path.GetFullPath(features) : Path.Combine(Project.Directory, "features");
        var functions = Project.Functions;
        Run = TestRun.Create(new RunOptions
        {
            FeaturesDirectory = FeaturesDirectory,
            BindingAssemblies = [StepsAssembly.Assembly, .. options.BindingAssemblies],
            Services = new ServiceRegistry()
                .Add<ITarget>(_ => new ReferenceTarget(options.Seed, code: new UserCodeRunner(new Engine.EngineSettings().Region)))
                .Add(_ => functions),
        }, messages);
    }

    public UserProject Project { get; }

    public string FeaturesDirectory { get; }

    public TestRun Run { get; }

    public static string MessagesPath => Path.Combine(AppContext.BaseDirectory, "TestResults", "conformance.ndjson");

    /// <summary>Runs the scenario of a row: passes, fails with the step's evidence, or is skipped with the reason.</summary>
    public async Task RunAsync(string key)
    {
        if (key.EndsWith(ScenarioCatalog.ParseErrorSuffix, StringComparison.Ordinal))
            Assert.Fail(ScenarioCatalog.ParseErrors(FeaturesDirectory, key[..^ScenarioCatalog.ParseErrorSuffix.Length]));
        if (Run.Bindings.Errors.Count > 0) Assert.Fail("The step bindings have mistakes:\n" + string.Join("\n", Run.Bindings.Errors));
        var plan = Run.TestCases.SingleOrDefault(p => p.Key == key)
            ?? throw new InvalidOperationException($"No scenario at {key}; was a feature file changed during the run?");
        var result = await Run.RunAsync(plan);
        if (result.Status == TestStepResultStatus.SKIPPED) Assert.Skip(result.Problem ?? "skipped");
        if (!result.Passed) Assert.Fail(result.Problem);
    }

    public async ValueTask InitializeAsync() => await Run.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Run.FinishAsync();
        NdjsonFile.Write(MessagesPath, messages.Envelopes);
        GC.SuppressFinalize(this);
    }
}
