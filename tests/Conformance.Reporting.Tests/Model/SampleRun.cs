using Conformance.Events.Evidence;
using Conformance.Gherkin.Bindings;
using Conformance.Gherkin.Execution;
using Conformance.Gherkin.Messages;

namespace Conformance.Reporting.Tests.Model;

/// <summary>Produces a real message stream with our runner, for the report tests to read.</summary>
internal static class SampleRun
{
    public static async Task<IReadOnlyList<string>> MessagesAsync(string featureText, string? tags = null, Func<string?>? stopReason = null)
    {
        var directory = Directory.CreateTempSubdirectory("report-tests");
        try
        {
            var features = Directory.CreateDirectory(Path.Combine(directory.FullName, "features"));
            File.WriteAllText(Path.Combine(features.FullName, "sample.feature"), featureText);
            var messages = new MessageCollector();
            var run = TestRun.Create(new RunOptions
            {
                FeaturesDirectory = features.FullName,
                BindingTypes = [typeof(SampleSteps)],
                Tags = tags is null ? null : Gherkin.Tags.TagExpression.Parse(tags),
                StopReason = stopReason,
            }, messages);
            await run.RunAllAsync();
            await run.FinishAsync();
            return messages.Envelopes.Select(MessagesJson.Serialize).ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

[Binding]
public sealed class SampleSteps(Attachments attachments)
{
    [Given("a timeline of attempts at {string} is attached")]
    public void Timeline(string seconds) => attachments.Attach(
        new InvocationTimeline("probe", [.. seconds.Split(',').Select((s, i) => new TimelineEntry(
            double.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture), "r", i == 0 ? "FunctionError" : "Succeeded", $"<b>{i}</b>"))]).ToJson(),
        InvocationTimeline.MediaType);

    [Given("an attempt whose event is {int} bytes of {string} is attached")]
    public void HugeEvent(int bytes, string text)
    {
        var body = string.Concat(Enumerable.Repeat(text, bytes / text.Length + 1))[..bytes];
        attachments.Attach(new InvocationTimeline("probe", [new TimelineEntry(0, "r", "Succeeded", body)]).ToJson(), InvocationTimeline.MediaType);
    }

    [Given("a passing step")]
    public void Passing() { }

    [Then("it expects {string} but observes {string}")]
    public void Expects(string expected, string observed) =>
        throw new InvalidOperationException($"The value differs.\n  expected: {expected}\n  observed: {observed}");

    [Then("it fails with {string}")]
    public void Fails(string message) => throw new InvalidOperationException(message);

    [Given("a step the target lacks: {string}")]
    public void Lacks(string what) => throw new NotSupportedException(what);
}
