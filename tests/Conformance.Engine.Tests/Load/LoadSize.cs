namespace Conformance.Engine.Tests.Load;

/// <summary>
/// How big the load runs are: 20,000 items in the everyday test run, CONFORMANCE_LOAD_ITEMS on demand
/// (the load workflow sets 1,000,000). The failures are drawn from CONFORMANCE_LOAD_SEED, or from a new seed
/// that a failing assertion names, so any failure can be replayed.
/// </summary>
internal static class LoadSize
{
    public static int Items { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_LOAD_ITEMS"), out var n) && n > 0 ? n : 20_000;

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONFORMANCE_LOAD_SEED"), out var s) ? s : Random.Shared.Next();

    /// <summary>Named in every assertion so that a failure says how to run it again.</summary>
    public static string Replay => $"replay with CONFORMANCE_LOAD_ITEMS={Items} CONFORMANCE_LOAD_SEED={Seed}";
}
