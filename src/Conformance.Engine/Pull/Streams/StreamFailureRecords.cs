using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Events;
using Conformance.Events.Destinations;
using Conformance.Events.Generation;
using Conformance.Core.Resources;

namespace Conformance.Engine.Pull.Streams;

/// <summary>
/// The description of a discarded stream batch that goes to the mapping's on-failure destination
/// (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html): the shard, the
/// first and last sequence numbers and arrival times, and, for an S3 destination, the records themselves.
/// </summary>
internal sealed class StreamFailureRecords(EngineParts engine, IStreamSource source, EventSourceMappingSpec spec)
{
    /// <param name="shard">The batch's shard.</param>
    /// <param name="batch">The discarded records.</param>
    /// <param name="condition"><c>RetryAttemptsExhausted</c>, or the record-age condition.</param>
    /// <param name="attempts">The record's <c>approximateInvokeCount</c>.</param>
    /// <param name="withResponse">Whether the record carries the last response's context: a batch discarded
    /// for its age has none, as recorded on AWS (see <see cref="EngineSettings.RecordAgeExceededCondition"/>).</param>
    /// <param name="now">The discard's time.</param>
    public void Discard(StreamShard shard, List<StreamEntry> batch, string condition, int attempts, bool withResponse, DateTimeOffset now)
    {
        if (spec.OnFailureDestination is not { } destination) return;
        var info = new StreamBatchInfo(shard.Id, batch[0].SequenceNumber, batch[^1].SequenceNumber, AwsIdentity.Iso(batch[0].ArrivedAt),
            AwsIdentity.Iso(batch[^1].ArrivedAt), batch.Count, source.Arn);
        JsonNode? payload = Arn.ServiceOf(destination) != "s3" ? null
            : engine.Settings.StreamFailurePayloadAsString ? JsonValue.Create(StreamMappingWorker.RecordsJson(batch)) : StreamMappingWorker.RecordsEvent(batch);
        var record = new StreamFailureRecord(
            new StreamFailureRequestContext(engine.Ids.Uuid(), engine.Ids.FunctionArn(spec.FunctionName), condition, attempts),
            withResponse ? new AsyncResponseContext(200, "$LATEST", engine.Settings.FunctionErrorHeader) : null, "1.0", AwsIdentity.Iso(now),
            source.IsKinesis ? info : null, source.IsKinesis ? null : info, payload);
        engine.Functions.DeliverToDestination(destination, EventJson.Serialize(record), now);
    }
}
