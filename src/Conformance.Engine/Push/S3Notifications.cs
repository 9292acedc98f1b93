using System.Globalization;
using System.Text;
using Conformance.Core.Functions;
using Conformance.Core.Invocation;
using Conformance.Events;
using Conformance.Events.Generation;
using Conformance.Events.S3;
using Conformance.Core.Resources;

namespace Conformance.Engine.Push;

/// <summary>
/// Amazon S3 as a push source (https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html): buckets with objects and notification configurations. Putting or
/// deleting an object sends one notification per matching configuration (event type, key prefix and
/// suffix), as an asynchronous invocation with the S3 event shape and the key URL-encoded. S3 checks
/// at configuration time that the function's policy lets <c>s3.amazonaws.com</c> invoke it; an
/// invocation the policy no longer allows is dropped by S3.
/// </summary>
public sealed class S3Notifications(EngineParts engine)
{
    public const string Principal = "s3.amazonaws.com";

    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private long sequencer = 0x5A0000000000;

    private sealed class Bucket(string name, bool versioned)
    {
        public string Name { get; } = name;
        public bool Versioned { get; } = versioned;
        public List<BucketNotification> Notifications { get; } = [];
        public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);
    }

    public ApiResult CreateBucket(string name, bool versioned = false) =>
        buckets.TryAdd(name, new Bucket(name, versioned)) ? ApiResult.Ok : new ApiResult(409, "BucketAlreadyOwnedByYou", $"Bucket {name} already exists.");

    /// <summary><c>PutBucketNotificationConfiguration</c> with one Lambda configuration.</summary>
    public ApiResult PutNotification(BucketNotification notification)
    {
        if (!buckets.TryGetValue(notification.Bucket, out var bucket)) return NoSuchBucket(notification.Bucket);
        if (!engine.Functions.FunctionExists(notification.FunctionName) || !engine.Functions.Allows(notification.FunctionName, Principal, BucketArn(bucket.Name)))
            return new ApiResult(400, "InvalidArgument", "Unable to validate the following destination configurations");
        bucket.Notifications.Add(notification);
        return ApiResult.Ok;
    }

    public ApiResult PutObject(string bucketName, string key, byte[] content)
    {
        if (!buckets.TryGetValue(bucketName, out var bucket)) return NoSuchBucket(bucketName);
        bucket.Objects[key] = content;
        var versionId = bucket.Versioned ? engine.Ids.Hex(32) : null;
        Notify(bucket, "ObjectCreated:Put", new S3Object(S3Events.Key(key), content.Length, AwsIdentity.Md5Hex(content), versionId, NextSequencer()), key);
        return ApiResult.Ok;
    }

    /// <summary>Deletes an object: <c>ObjectRemoved:Delete</c>, or <c>DeleteMarkerCreated</c> in a versioned bucket.</summary>
    public ApiResult DeleteObject(string bucketName, string key)
    {
        if (!buckets.TryGetValue(bucketName, out var bucket)) return NoSuchBucket(bucketName);
        bucket.Objects.Remove(key);
        var eventName = bucket.Versioned ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete";
        Notify(bucket, eventName, new S3Object(S3Events.Key(key), null, null, bucket.Versioned ? engine.Ids.Hex(32) : null, NextSequencer()), key);
        return new ApiResult(204);
    }

    private void Notify(Bucket bucket, string eventName, S3Object s3Object, string key)
    {
        foreach (var notification in bucket.Notifications.Where(n => Matches(n, eventName, key)))
        {
            var record = new S3EventRecord(S3EventVersions.For(eventName, engine.Settings.S3Versioning), "aws:s3", engine.Settings.Region, AwsIdentity.Iso(engine.Time.GetUtcNow()), eventName,
                new S3UserIdentity("AWS:" + engine.Ids.PrincipalId()), new S3RequestParameters("127.0.0.1"),
                new S3ResponseElements(engine.Ids.Hex(16, upper: true), engine.Ids.Base64(48)),
                new S3Entity("1.0", notification.ConfigurationId, new S3Bucket(bucket.Name, new S3UserIdentity(engine.Ids.PrincipalId("A")), BucketArn(bucket.Name)), s3Object));
            engine.Functions.InvokeAsService(Principal, BucketArn(bucket.Name), notification.FunctionName, EventJson.Serialize(new S3Event([record])), InvocationType.Event);
        }
    }

    /// <summary>Event types match exactly or by <c>:*</c> wildcard (<c>s3:ObjectCreated:*</c>); prefix and suffix apply to the raw key.</summary>
    private static bool Matches(BucketNotification notification, string eventName, string key) =>
        notification.Events.Any(e => e == "s3:" + eventName || e.EndsWith(":*", StringComparison.Ordinal) && ("s3:" + eventName).StartsWith(e[..^1], StringComparison.Ordinal))
        && (notification.Prefix is null || key.StartsWith(notification.Prefix, StringComparison.Ordinal))
        && (notification.Suffix is null || key.EndsWith(notification.Suffix, StringComparison.Ordinal));

    private string NextSequencer() => (++sequencer).ToString("X16", CultureInfo.InvariantCulture);

    private static string BucketArn(string bucket) => Arn.Bucket(bucket).ToString();

    private static ApiResult NoSuchBucket(string name) => new(404, "NoSuchBucket", $"The specified bucket does not exist: {name}");

    /// <summary>Convenience for text objects.</summary>
    public ApiResult PutObject(string bucketName, string key, string content) => PutObject(bucketName, key, Encoding.UTF8.GetBytes(content));
}
