using System.Text.Json.Serialization;

namespace Conformance.Events.S3;

/// <summary>
/// An Amazon S3 event notification as Lambda receives it (https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html;
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
/// Object keys are URL-encoded (a space becomes <c>+</c>).
/// </summary>
public sealed record S3Event([property: JsonPropertyName("Records")] IReadOnlyList<S3EventRecord> Records) : EventShape;

public sealed record S3EventRecord(
    string EventVersion,
    string EventSource,
    string AwsRegion,
    string EventTime,
    string EventName,
    S3UserIdentity UserIdentity,
    S3RequestParameters RequestParameters,
    S3ResponseElements ResponseElements,
    S3Entity S3) : EventShape
{
    /// <summary>Only on an <c>ObjectRestore:Completed</c> event: when the restored copy expires, and the class it came from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public S3GlacierEventData? GlacierEventData { get; init; }

    /// <summary>Only on a <c>LifecycleTransition</c> event: the storage class the object moved to.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public S3LifecycleEventData? LifecycleEventData { get; init; }

    /// <summary>Only on an <c>IntelligentTiering</c> event: the access tier the object moved to.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public S3IntelligentTieringEventData? IntelligentTieringEventData { get; init; }
}

/// <summary>https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html</summary>
public sealed record S3GlacierEventData(S3RestoreEventData RestoreEventData) : EventShape;

public sealed record S3RestoreEventData(string LifecycleRestorationExpiryTime, string LifecycleRestoreStorageClass) : EventShape;

/// <summary>https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configure-notification.html</summary>
public sealed record S3LifecycleEventData(S3TransitionEventData TransitionEventData) : EventShape;

public sealed record S3TransitionEventData(string DestinationStorageClass) : EventShape;

/// <summary><c>ARCHIVE_ACCESS</c> or <c>DEEP_ARCHIVE_ACCESS</c> (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intelligent-tiering-managing.html).</summary>
public sealed record S3IntelligentTieringEventData(string DestinationAccessTier) : EventShape;

public sealed record S3UserIdentity(string PrincipalId) : EventShape;

public sealed record S3RequestParameters([property: JsonPropertyName("sourceIPAddress")] string SourceIpAddress) : EventShape;

public sealed record S3ResponseElements(
    [property: JsonPropertyName("x-amz-request-id")] string RequestId,
    [property: JsonPropertyName("x-amz-id-2")] string HostId) : EventShape;

public sealed record S3Entity(string S3SchemaVersion, string ConfigurationId, S3Bucket Bucket, S3Object Object) : EventShape;

public sealed record S3Bucket(string Name, S3UserIdentity OwnerIdentity, string Arn) : EventShape;

/// <summary>
/// The object of the event. Removal events carry no <c>size</c> or <c>eTag</c>; <c>versionId</c> appears
/// only for versioned buckets.
/// </summary>
public sealed record S3Object(
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Size,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VersionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sequencer) : EventShape;

/// <summary>
/// How S3 numbers its event structure (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
/// Today's page: "Starting with version 2.4, Amazon S3 uses a single unified version for all event types",
/// and its example is 2.5. Before that, and in every S3 event recorded on AWS that the kit has
/// (localstack/localstack at 8b9a79f0, test_s3_notifications_sqs.snapshot.json, recorded 2025-01-21), each
/// event type had its own: 2.2 for replication; 2.3 for lifecycle, Intelligent-Tiering, object ACL,
/// object tagging and restore-object deletion; 2.1 for the rest.
/// </summary>
public enum S3EventVersionScheme
{
    /// <summary>Today's AWS: one version for every event type (<see cref="S3EventVersions.Unified"/>).</summary>
    Unified,

    /// <summary>The earlier era: 2.1, 2.2 or 2.3 by event type.</summary>
    PerEventType,
}

/// <summary>The <c>eventVersion</c> of an S3 event of a type, in a <see cref="S3EventVersionScheme"/>.</summary>
public static class S3EventVersions
{
    /// <summary>The unified version of today's documentation example. The page does not list what 2.5 adds; the fields are 2.1's and each type's own.</summary>
    public const string Unified = "2.5";

    public static string For(string eventName, S3EventVersionScheme scheme = S3EventVersionScheme.Unified) => scheme switch
    {
        S3EventVersionScheme.Unified => Unified,
        _ when eventName.StartsWith("Replication:", StringComparison.Ordinal) => "2.2",
        _ when eventName.StartsWith("ObjectAcl:", StringComparison.Ordinal) || eventName.StartsWith("ObjectTagging:", StringComparison.Ordinal)
            || eventName.StartsWith("LifecycleExpiration:", StringComparison.Ordinal) || eventName.StartsWith("LifecycleTransition", StringComparison.Ordinal)
            || eventName.StartsWith("IntelligentTiering", StringComparison.Ordinal) || eventName == "ObjectRestore:Delete" => "2.3",
        _ => "2.1",
    };
}
