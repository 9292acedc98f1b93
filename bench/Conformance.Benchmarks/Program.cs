using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Conformance.Benchmarks.EngineBenchmarks).Assembly).Run(args);
