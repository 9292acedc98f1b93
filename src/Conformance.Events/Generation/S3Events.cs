using Conformance.Events.S3;

namespace Conformance.Events.Generation;

/// <summary>
/// S3 event notifications (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html):
/// each type with the object fields recorded or documented for it, keys URL-encoded as S3 sends them, and the
/// <c>eventVersion</c> of the generator's era.
/// </summary>
public sealed class S3Events
{
    /// <summary>The principal and source address of an event S3 raised itself (lifecycle, Intelligent-Tiering).</summary>
    private const string S3Service = "s3.amazonaws.com";

    private readonly GenerationState state;

    private readonly EventEras eras;

    internal S3Events(GenerationState state, EventEras eras) => (this.state, this.eras) = (state, eras);

    private AwsIdentity Ids => state.Ids;

    /// <summary>
    /// An <c>ObjectCreated:Put</c> (or other created) notification; keys are URL-encoded as S3 sends them. A
    /// <c>CompleteMultipartUpload</c> object's eTag is that of a multipart upload, <c>-1</c> for its one part, as recorded on
    /// AWS (localstack/localstack at 8b9a79f0, test_s3_notifications_sqs.snapshot.json, test_object_created_complete_multipart_upload, 2025-01-21).
    /// </summary>
    public S3Event ObjectCreated(string eventName = "ObjectCreated:Put", string? key = null, bool versioned = false)
    {
        var size = state.Faker.Random.Int(1, 64 * 1024);
        var content = state.Faker.Random.Bytes(size);
        var objectKey = key ?? $"uploads/{state.Faker.System.FileName()}";
        var eTag = eventName == "ObjectCreated:CompleteMultipartUpload" ? MultipartETag(content) : AwsIdentity.Md5Hex(content);
        return Notification(eventName, new S3Object(Key(objectKey), size, eTag, versioned ? VersionId() : null, Sequencer()));
    }

    /// <summary>An <c>ObjectRemoved:Delete</c> (no size or eTag) or <c>ObjectRemoved:DeleteMarkerCreated</c> notification.</summary>
    public S3Event ObjectRemoved(bool deleteMarker = false, string? key = null) =>
        Notification(deleteMarker ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete",
            new S3Object(Key(key ?? $"uploads/{state.Faker.System.FileName()}"), null, null, deleteMarker ? VersionId() : null, Sequencer()));

    /// <summary>
    /// An <c>ObjectAcl:Put</c> or <c>ObjectTagging:Put</c>/<c>:Delete</c> notification (event version 2.3; the
    /// object has its key and eTag, no size or sequencer, as recorded on AWS: localstack/localstack at 8b9a79f0,
    /// test_s3_notifications_sqs.snapshot.json, test_object_put_acl and test_object_tagging_put_event, recorded 2025-01-21).
    /// </summary>
    public S3Event ObjectMetadataChanged(string eventName = "ObjectAcl:Put", string? key = null)
    {
        var content = state.Faker.Random.Bytes(state.Faker.Random.Int(1, 1024));
        return Notification(eventName, new S3Object(Key(key ?? $"uploads/{state.Faker.System.FileName()}"), null, AwsIdentity.Md5Hex(content), null, null));
    }

    /// <summary>
    /// An <c>ObjectRestore:Post</c> or <c>:Completed</c> notification (event version 2.1, the object in full). A completed
    /// restore is S3's own: the bucket owner as <c>AmazonCustomer:</c> principal and the restored copy's expiry and source
    /// class in <c>glacierEventData</c>, as recorded on AWS (localstack/localstack at 8b9a79f0,
    /// test_s3_notifications_sqs.snapshot.json, test_restore_object, recorded 2025-01-21).
    /// </summary>
    public S3Event ObjectRestore(string eventName = "ObjectRestore:Completed")
    {
        var size = state.Faker.Random.Int(1, 64 * 1024);
        var content = state.Faker.Random.Bytes(size);
        var notification = Notification(eventName, new S3Object(Key($"archive/{state.Faker.System.FileName()}"), size, AwsIdentity.Md5Hex(content), null, Sequencer()));
        if (eventName != "ObjectRestore:Completed") return notification;
        var record = notification.Records[0];
        return new S3Event([record with
        {
            UserIdentity = new S3UserIdentity("AmazonCustomer:" + record.S3.Bucket.OwnerIdentity.PrincipalId),
            GlacierEventData = new S3GlacierEventData(new S3RestoreEventData(AwsIdentity.Iso(RestoredUntil()), "GLACIER")),
        }]);
    }

    /// <summary>
    /// A <c>LifecycleExpiration:Delete</c> notification: S3 itself is the principal and the source address, and the
    /// object is named by key and sequencer only, as AWS's example prints it
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configure-notification.html).
    /// </summary>
    public S3Event LifecycleExpiration(string? key = null) =>
        Notification("LifecycleExpiration:Delete", new S3Object(Key(key ?? $"expiration/{state.Faker.System.FileName()}"), null, null, null, Sequencer()), byS3: true);

    /// <summary>
    /// A <c>LifecycleTransition</c> notification with the <c>lifecycleEventData</c> the same page says it adds. The page
    /// prints no whole transition message; the object is named by its key and, as in S3's Intelligent-Tiering example of
    /// an object that changed class, its size and eTag.
    /// </summary>
    public S3Event LifecycleTransition(string destinationStorageClass = "GLACIER") =>
        Notification("LifecycleTransition", StoredObject(), new S3LifecycleEventData(new S3TransitionEventData(destinationStorageClass)), byS3: true);

    /// <summary>
    /// An <c>IntelligentTiering</c> notification: an object moved to an archive access tier, as AWS's example prints it
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intelligent-tiering-managing.html).
    /// </summary>
    public S3Event IntelligentTiering(string destinationAccessTier = "ARCHIVE_ACCESS") =>
        Notification("IntelligentTiering", StoredObject(), tiering: new S3IntelligentTieringEventData(destinationAccessTier), byS3: true);

    private S3Object StoredObject()
    {
        var size = state.Faker.Random.Int(1, 64 * 1024);
        return new S3Object(Key($"archive/{state.Faker.System.FileName()}"), size, AwsIdentity.Md5Hex(state.Faker.Random.Bytes(size)), null, null);
    }

    private S3Event Notification(string eventName, S3Object s3Object, S3LifecycleEventData? lifecycle = null, S3IntelligentTieringEventData? tiering = null,
        bool byS3 = false)
    {
        var bucket = state.Name("bucket");
        var record = new S3EventRecord(S3EventVersions.For(eventName, eras.S3Versioning), "aws:s3", Ids.Region, AwsIdentity.Iso(state.Tick()), eventName,
            new S3UserIdentity(byS3 ? S3Service : "AWS:" + Ids.PrincipalId()),
            new S3RequestParameters(byS3 ? S3Service : state.Faker.Internet.Ip()),
            new S3ResponseElements(Ids.Hex(16, upper: true), Ids.Base64(48)),
            new S3Entity("1.0", "on-" + state.Faker.Hacker.Verb().ToLowerInvariant(),
                new S3Bucket(bucket, new S3UserIdentity(Ids.PrincipalId("A")), AwsIdentity.BucketArn(bucket)), s3Object))
        {
            LifecycleEventData = lifecycle,
            IntelligentTieringEventData = tiering,
        };
        return new S3Event([record]);
    }

    /// <summary>S3 URL-encodes keys in notifications: a space becomes <c>+</c>, other reserved characters <c>%XX</c>.</summary>
    public static string Key(string key) => Uri.EscapeDataString(key).Replace("%20", "+").Replace("%2F", "/");

    /// <summary>A restored copy is kept for the days the restore request asked for, to a midnight (UTC).</summary>
    private DateTimeOffset RestoredUntil() => new DateTimeOffset(state.Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(state.Faker.Random.Int(1, 30));

    /// <summary>The eTag of a one-part multipart upload: the MD5 of the part's MD5, then the number of parts.</summary>
    private static string MultipartETag(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Security.Cryptography.MD5.HashData(content))) + "-1";

    private string VersionId() => state.Faker.Random.String2(32, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._");

    private string Sequencer() => Ids.Hex(18, upper: true);
}
