using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Core.Targets;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;
using Conformance.Steps;
using Conformance.Targets.Reference;

namespace Conformance.Cli.Bench;

/// <summary>The whole corpus on the reference target, in process: the run phase's wall time and the Lambda time it covered.</summary>
public static class CorpusWorkload
{
    public sealed record Result(int Scenarios, TimeSpan Startup, TimeSpan Run, TimeSpan Simulated)
    {
        public double SimulatedPerWall => Simulated.TotalSeconds / Math.Max(Run.TotalSeconds, 1e-9);
    }

    public static async Task<Result> RunAsync(string featuresDirectory)
    {
        var targets = new ConcurrentBag<ReferenceTarget>();
        var startup = Stopwatch.StartNew();
        var run = TestRun.Create(new RunOptions
        {
            FeaturesDirectory = featuresDirectory,
            BindingAssemblies = [StepsAssembly.Assembly],
            Services = new ServiceRegistry().Add<ITarget>(_ =>
            {
                var target = new ReferenceTarget();
                targets.Add(target);
                return target;
            }),
        }, new MessageCollector());
        startup.Stop();
        var watch = Stopwatch.StartNew();
        await run.RunAllAsync();
        await run.FinishAsync();
        watch.Stop();
        var simulated = TimeSpan.FromTicks(targets.Sum(t => (t.Now - ReferenceTarget.Epoch).Ticks));
        return new Result(run.Results.Count, startup.Elapsed, watch.Elapsed, simulated);
    }
}
