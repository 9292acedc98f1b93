using System.Net.Http.Headers;
using System.Xml.Linq;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// SNS topics over AWS's query protocol (a form-encoded POST naming the <c>Action</c>, an XML answer), as
/// the API reference describes CreateTopic, Subscribe, DeleteTopic and ListTopics
/// (https://docs.aws.amazon.com/sns/latest/api/API_Operations.html): a topic whose one subscription
/// delivers raw messages to a queue the kit reads.
/// </summary>
public sealed class SnsApi(HttpClient http)
{
    private static readonly XNamespace Sns = "http://sns.amazonaws.com/doc/2010-03-31/";

    private async Task<(ApiResult Result, XElement? Answer)> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellation)
    {
        using var content = new FormUrlEncodedContent([new("Action", action), new("Version", "2010-03-31"), .. parameters]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        using var response = await http.PostAsync("/", content, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        var xml = Parse(body);
        if (response.IsSuccessStatusCode) return (new ApiResult((int)response.StatusCode), xml);
        var error = xml?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        return (new ApiResult((int)response.StatusCode, Text(error, "Code") ?? "UnknownError", Text(error, "Message") ?? body), null);
    }

    private static XElement? Parse(string body)
    {
        try
        {
            return body.Length > 0 ? XElement.Parse(body) : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Text(XElement? element, string name) => element?.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary><c>CreateTopic</c>, tagged with the run; returns the topic's ARN.</summary>
    public async Task<(ApiResult Result, string? TopicArn)> CreateTopicAsync(string name, string runId, CancellationToken cancellation)
    {
        var (result, answer) = await CallAsync("CreateTopic",
            [new("Name", name), new("Tags.member.1.Key", "conformance-run"), new("Tags.member.1.Value", runId)], cancellation);
        return (result, Text(answer, "TopicArn"));
    }

    /// <summary><c>Subscribe</c> a queue with raw message delivery, so the queue receives each message as published, its attributes as message attributes.</summary>
    public async Task<ApiResult> SubscribeQueueAsync(string topicArn, string queueArn, CancellationToken cancellation) =>
        (await CallAsync("Subscribe", [
            new("TopicArn", topicArn), new("Protocol", "sqs"), new("Endpoint", queueArn),
            new("Attributes.entry.1.key", "RawMessageDelivery"), new("Attributes.entry.1.value", "true"), new("ReturnSubscriptionArn", "true"),
        ], cancellation)).Result;

    /// <summary><c>DeleteTopic</c>, which removes its subscriptions too.</summary>
    public async Task<ApiResult> DeleteTopicAsync(string topicArn, CancellationToken cancellation) =>
        (await CallAsync("DeleteTopic", [new("TopicArn", topicArn)], cancellation)).Result;

    /// <summary>The ARNs of the topics whose names start with <paramref name="prefix"/>, every page.</summary>
    public async Task<(ApiResult Result, IReadOnlyList<string> TopicArns)> ListTopicArnsAsync(string prefix, CancellationToken cancellation)
    {
        var arns = new List<string>();
        string? next = null;
        do
        {
            var (result, answer) = await CallAsync("ListTopics", next is null ? [] : [new("NextToken", next)], cancellation);
            if (!result.Succeeded) return (result, arns);
            arns.AddRange(answer?.Descendants().Where(e => e.Name.LocalName == "TopicArn").Select(e => e.Value)
                .Where(arn => arn[(arn.LastIndexOf(':') + 1)..].StartsWith(prefix, StringComparison.Ordinal)) ?? []);
            next = Text(answer, "NextToken") is { Length: > 0 } token ? token : null;
        }
        while (next is not null);
        return (ApiResult.Ok, arns);
    }
}
