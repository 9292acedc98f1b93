using BenchmarkDotNet.Attributes;
using Conformance.Cli.Bench;

namespace Conformance.Benchmarks;

/// <summary>The engine's throughput on virtual time at three sizes each, and the bare queue loop they are compared with.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EngineBenchmarks
{
    [Params(10_000, 100_000, 1_000_000)]
    public int Items { get; set; }

    [Benchmark]
    public Measurement SqsMessages() => Workloads.Sqs(Items);

    [Benchmark]
    public Measurement KinesisRecords() => Workloads.Kinesis(Items);

    [Benchmark]
    public Measurement AsyncEventsFailingOnce() => Workloads.AsyncRetries(Items);

    [Benchmark]
    public Measurement FixtureEvents() => Workloads.Fixtures(Items);

    [Benchmark(Baseline = true)]
    public TimeSpan BareQueue() => Workloads.BareQueue(Items, 10);
}

/// <summary>The whole corpus on the reference target (run phase only; start-up is measured by the process benchmark in docs/performance.md).</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class CorpusBenchmarks
{
    private static readonly string Features = Path.Combine(FindRoot(), "features");

    [Benchmark]
    public Task<CorpusWorkload.Result> WholeCorpus() => CorpusWorkload.RunAsync(Features);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Conformance.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("run the benchmarks from within the repository");
    }
}
