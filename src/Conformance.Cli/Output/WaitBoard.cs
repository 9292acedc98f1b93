using Conformance.Gherkin.Execution;

namespace Conformance.Cli.Output;

/// <summary>The scenarios waiting away from their workers now (real time passing on a real target), and until when.</summary>
public sealed class WaitBoard
{
    private readonly Dictionary<string, DateTimeOffset> waiting = new(StringComparer.Ordinal);

    /// <summary>Raised when a scenario starts waiting (from the scenario's thread).</summary>
    public event Action<WaitNotice>? Started;

    /// <summary>Raised when a wait starts or ends.</summary>
    public event Action? Changed;

    public void Note(WaitNotice notice)
    {
        lock (waiting)
        {
            if (notice.Ended) waiting.Remove(notice.Scenario);
            else waiting[notice.Scenario] = notice.Until;
        }
        if (!notice.Ended) Started?.Invoke(notice);
        Changed?.Invoke();
    }

    /// <summary>E.g. "3 waiting, the first until 21:40:12", or null when none waits.</summary>
    public string? Summary()
    {
        lock (waiting)
        {
            if (waiting.Count == 0) return null;
            return $"{waiting.Count} waiting, the first until {waiting.Values.Min().ToLocalTime():HH:mm:ss}, the last until {waiting.Values.Max().ToLocalTime():HH:mm:ss}";
        }
    }
}
