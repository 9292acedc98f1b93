using System.Text;

namespace Conformance.Engine.Invocation;

/// <summary>
/// An event the engine built itself (a poller's batch), kept as its records and rendered as JSON only
/// when something reads it: a behaviour that inspects the event, a step or a report through the ledger.
/// The payload limit is still checked exactly: a poller states a bound on the rendered size that it can
/// prove, and only a batch whose bound does not fit is rendered to be measured.
/// </summary>
/// <param name="render">Renders the event as JSON.</param>
/// <param name="provableMaximumBytes">An upper bound of the rendered size in UTF-8 bytes, if the poller knows one.</param>
public sealed class LazyPayload(Func<string> render, long? provableMaximumBytes = null)
{
    private string? text;

    /// <summary>A payload that already is text (a caller's own).</summary>
    /// <remarks>Each UTF-16 char is at most 3 UTF-8 bytes, so a short text is within a limit without being measured.</remarks>
    public static LazyPayload Of(string text) => new(() => text, 3L * text.Length);

    public string Text => text ??= render();

    /// <summary>Whether the event was rendered (for tests: a no-op function never asks for it).</summary>
    public bool IsRendered => text is not null;

    /// <summary>The exact size in UTF-8 bytes (renders the event).</summary>
    public int ByteCount => Encoding.UTF8.GetByteCount(Text);

    /// <summary>Whether the rendered event is at most <paramref name="limit"/> bytes, rendering only if the bound does not prove it.</summary>
    public bool FitsIn(int limit) => provableMaximumBytes is { } bound && bound <= limit || ByteCount <= limit;
}
