using System.Diagnostics;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Engine;
using Conformance.Engine.Time;
using Conformance.Events;
using Conformance.Events.Generation;

namespace Conformance.Cli.Bench;

/// <summary>One measured figure: how many items in how long, and the same count through the baseline.</summary>
public sealed record Measurement(string Name, int Items, TimeSpan Elapsed, TimeSpan? Baseline = null, string Unit = "items")
{
    public double PerSecond => Items / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>How much slower than the baseline (engine time / baseline time).</summary>
    public double? BaselineRatio => Baseline is { } b ? Elapsed.TotalSeconds / Math.Max(b.TotalSeconds, 1e-9) : null;
}

/// <summary>
/// The workloads of issue #11's performance targets, shared by <c>conformance bench</c> (quick, Stopwatch)
/// and the BenchmarkDotNet project (<c>bench/Conformance.Benchmarks</c>). Every engine workload runs on a
/// virtual clock, so hours of Lambda time cost only the engine's own work.
/// </summary>
public static class Workloads
{
    private static LambdaEngine NewEngine(out VirtualClock clock)
    {
        clock = new VirtualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new LambdaEngine(clock);
    }

    /// <summary>Messages through one SQS mapping (batch size 10, a function that returns null).</summary>
    public static Measurement Sqs(int messages)
    {
        var engine = NewEngine(out var clock);
        engine.CreateFunction(new FunctionSpec("fn", new FunctionBehaviour()));
        var (_, arn) = engine.Pull.CreateQueue(new QueueSpec("q"));
        engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = 10 });
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++) engine.Pull.SendMessage("q", new QueueMessage("{\"n\":1}"));
        clock.Advance(TimeSpan.FromHours(1));
        watch.Stop();
        if (engine.Pull.QueueState("q")!.Total != 0) throw new InvalidOperationException("the queue was not drained");
        return new Measurement("SQS messages through one mapping", messages, watch.Elapsed, BareQueue(messages, 10), "messages");
    }

    /// <summary>Records over 100 Kinesis shards, one mapping, a function that returns null.</summary>
    public static Measurement Kinesis(int records, int shards = 100)
    {
        var engine = NewEngine(out var clock);
        engine.CreateFunction(new FunctionSpec("fn", new FunctionBehaviour()));
        var (_, arn) = engine.Pull.CreateStream("s", shards);
        engine.Pull.CreateEventSourceMapping(new EventSourceMappingSpec(arn!, "fn") { BatchSize = 100, StartingPosition = "TRIM_HORIZON" });
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < records; i++) engine.Pull.PutRecord("s", $"key-{i % 1000}", "{\"n\":1}");
        clock.Advance(TimeSpan.FromHours(1));
        watch.Stop();
        return new Measurement($"Kinesis records over {shards} shards", records, watch.Elapsed, BareQueue(records, 100), "records");
    }

    /// <summary>Asynchronous events that each fail once and succeed on the retry a minute later.</summary>
    public static Measurement AsyncRetries(int events)
    {
        var engine = NewEngine(out var clock);
        // All events arrive at once and take no time, so nothing is throttled and the first attempts are the
        // first N invocations: they fail, and every retry (a minute later) succeeds.
        engine.CreateFunction(new FunctionSpec("fn", new FunctionBehaviour { FailingInvocations = events, Duration = TimeSpan.Zero }));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < events; i++) engine.Invoke(new InvokeRequest("fn", InvocationType.Event, "{}"));
        clock.Advance(TimeSpan.FromHours(6));
        watch.Stop();
        if (engine.TotalInvocations != 2L * events) throw new InvalidOperationException($"{engine.TotalInvocations} attempts ran, not {2L * events}");
        return new Measurement("async events failing once", events, watch.Elapsed, BareQueue(2 * events, 1), "events");
    }

    /// <summary>Generated SQS events serialised to JSON, against serialising the same objects built beforehand.</summary>
    public static Measurement Fixtures(int events)
    {
        var generator = new EventGenerator(1);
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < events; i++) bytes += EventJson.Serialize(generator.SqsBatch(1, withAttributes: false)).Length;
        watch.Stop();
        var prebuilt = Enumerable.Range(0, events).Select(_ => generator.SqsBatch(1, withAttributes: false)).ToList();
        var baseline = Stopwatch.StartNew();
        foreach (var item in prebuilt) bytes += System.Text.Json.JsonSerializer.Serialize(item, EventJson.Options).Length;
        baseline.Stop();
        GC.KeepAlive(bytes);
        return new Measurement("generated events serialised", events, watch.Elapsed, baseline.Elapsed, "events");
    }

    /// <summary>Bytes of engine memory per message held in a queue nobody polls.</summary>
    public static (int Messages, double BytesPerMessage) QueueMemory(int messages)
    {
        var engine = NewEngine(out _);
        engine.Pull.CreateQueue(new QueueSpec("q"));
        var message = new QueueMessage("{\"n\":1}");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < messages; i++) engine.Pull.SendMessage("q", message);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(engine);
        return (messages, (after - before) / (double)messages);
    }

    /// <summary>The limit: the same count pushed through a bare in-memory queue, taken out in batches and handed to a no-op.</summary>
    public static TimeSpan BareQueue(int items, int batch)
    {
        var watch = Stopwatch.StartNew();
        var queue = new Queue<string>(items);
        for (var i = 0; i < items; i++) queue.Enqueue("{\"n\":1}");
        var handled = 0;
        var buffer = new List<string>(batch);
        while (queue.Count > 0)
        {
            buffer.Clear();
            while (buffer.Count < batch && queue.TryDequeue(out var item)) buffer.Add(item);
            handled += buffer.Count;
        }
        watch.Stop();
        if (handled != items) throw new InvalidOperationException("lost items");
        return watch.Elapsed;
    }
}
