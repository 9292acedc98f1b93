using Conformance.Gherkin.Messages;
using Io.Cucumber.Messages.Types;
using static Cucumber.Messages.Converters;

namespace Conformance.Gherkin.Execution;

/// <summary>
/// Attaches evidence to the step or hook that is running: text, JSON, images or any bytes with a media
/// type, log lines and links. Bindings ask for it in their constructor or hook parameters.
/// </summary>
public sealed class Attachments
{
    public const string LogMediaType = "text/x.cucumber.log+plain";
    public const string LinkMediaType = "text/uri-list";

    private readonly IMessageSink sink;
    private readonly TimeProvider clock;

    internal Attachments(IMessageSink sink, TimeProvider clock)
    {
        this.sink = sink;
        this.clock = clock;
    }

    internal string? TestCaseStartedId { get; set; }
    internal string? TestStepId { get; set; }
    internal string? TestRunHookStartedId { get; set; }

    /// <summary>Attaches text as it is (e.g. <c>application/json</c>, <c>text/plain</c>).</summary>
    public void Attach(string text, string mediaType, string? fileName = null) =>
        Publish(text, AttachmentContentEncoding.IDENTITY, mediaType, fileName);

    /// <summary>Attaches bytes, base64-encoded whatever the media type (e.g. <c>image/png</c>).</summary>
    public void Attach(byte[] bytes, string mediaType, string? fileName = null) =>
        Publish(Convert.ToBase64String(bytes), AttachmentContentEncoding.BASE64, mediaType, fileName);

    public void Attach(Stream stream, string mediaType, string? fileName = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        Attach(buffer.ToArray(), mediaType, fileName);
    }

    /// <summary>A log line, shown as text in reports.</summary>
    public void Log(string text) => Attach(text, LogMediaType);

    /// <summary>A link to a resource.</summary>
    public void Link(string uri) => Attach(uri, LinkMediaType);

    private void Publish(string body, AttachmentContentEncoding encoding, string mediaType, string? fileName)
    {
        if (TestStepId is null && TestRunHookStartedId is null)
            throw new InvalidOperationException("Attachments can only be made while a step or hook runs.");
        sink.Publish(Envelope.Create(new Attachment(body, encoding, fileName, mediaType, null, TestCaseStartedId, TestStepId, null,
            null, TestRunHookStartedId, ToTimestamp(clock.GetUtcNow().UtcDateTime))));
    }

}
