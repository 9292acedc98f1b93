using System.Text.Json.Nodes;
using Conformance.Engine.Pull.Filtering;

namespace Conformance.Engine.Pull.Batches;

/// <summary>
/// The processing stage of a mapping: splits what a poller read into the records the filters keep and
/// the ones they reject (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html; https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html).
/// The poller decides what a rejected record means: SQS deletes it, a stream's iterator moves past it.
/// </summary>
/// <param name="filters">The mapping's filter criteria.</param>
/// <param name="dataKey">The key whose text is matched as JSON when it is JSON: <c>body</c>, <c>data</c> or <c>dynamodb</c>.</param>
internal sealed class BatchFilter(FilterCriteria filters, string dataKey)
{
    /// <summary>Records or messages dropped so far.</summary>
    public int FilteredOut { get; private set; }

    /// <summary>Whether the filters keep one record; a mapping without filters keeps everything.</summary>
    /// <param name="record">The record as Lambda would deliver it.</param>
    /// <param name="data">The raw text under the data key (a message body, decoded Kinesis data), or null.</param>
    public bool Keeps(Func<JsonObject> record, string? data)
    {
        if (filters.IsEmpty) return true;
        if (filters.Matches(record(), dataKey, data)) return true;
        FilteredOut++;
        return false;
    }
}
