using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Engine.Push;
using Conformance.Events.Generation;

namespace Conformance.Engine.Tests.Push;

/// <summary>https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html: S3 notifications as an asynchronous push source.</summary>
public sealed class S3NotificationTests
{
    private static EngineFixture WithBucket(bool versioned = false, string? prefix = null, string? suffix = null, bool permitted = true,
        FunctionBehaviour? behaviour = null, params string[] events)
    {
        var fixture = new EngineFixture().WithFunction(behaviour ?? new FunctionBehaviour());
        if (permitted) fixture.Allow(S3Notifications.Principal);
        fixture.Engine.S3.CreateBucket("uploads", versioned).Succeeded.ShouldBeTrue();
        var result = fixture.Engine.S3.PutNotification(new BucketNotification("uploads", "fn", events.Length == 0 ? ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"] : events, prefix, suffix));
        result.Succeeded.ShouldBe(permitted);
        return fixture;
    }

    private static JsonNode Record(EngineFixture fixture, int index = 0) =>
        JsonNode.Parse(fixture.Engine.Invocations("fn")[index].Event)!["Records"]![0]!;

    [Fact]
    public void S12_putting_an_object_invokes_the_function_with_the_s3_event_and_a_url_encoded_key()
    {
        var fixture = WithBucket();

        fixture.Engine.S3.PutObject("uploads", "reports/Q1 summary.txt", "hello");
        fixture.Pass(TimeSpan.Zero);

        var record = Record(fixture);
        record["eventSource"]!.GetValue<string>().ShouldBe("aws:s3");
        record["eventName"]!.GetValue<string>().ShouldBe("ObjectCreated:Put");
        record["s3"]!["bucket"]!["arn"]!.GetValue<string>().ShouldBe("arn:aws:s3:::uploads");
        record["s3"]!["object"]!["key"]!.GetValue<string>().ShouldBe("reports/Q1+summary.txt");
        record["s3"]!["object"]!["size"]!.GetValue<long>().ShouldBe(5);
        record["s3"]!["object"]!["eTag"]!.GetValue<string>().ShouldBe(AwsIdentity.Md5Hex("hello"));
    }

    [Fact]
    public void S12_the_event_version_is_today_s_unified_one_unless_the_settings_choose_the_per_type_era()
    {
        var today = WithBucket();
        today.Engine.S3.PutObject("uploads", "a.txt", "a");
        today.Pass(TimeSpan.Zero);

        var earlier = new EngineFixture(settings: new EngineSettings { S3Versioning = Conformance.Events.S3.S3EventVersionScheme.PerEventType }).WithFunction(new FunctionBehaviour());
        earlier.Allow(S3Notifications.Principal);
        earlier.Engine.S3.CreateBucket("uploads", false).Succeeded.ShouldBeTrue();
        earlier.Engine.S3.PutNotification(new BucketNotification("uploads", "fn", ["s3:ObjectCreated:*"], null, null)).Succeeded.ShouldBeTrue();
        earlier.Engine.S3.PutObject("uploads", "a.txt", "a");
        earlier.Pass(TimeSpan.Zero);

        Record(today)["eventVersion"]!.GetValue<string>().ShouldBe("2.5");
        Record(earlier)["eventVersion"]!.GetValue<string>().ShouldBe("2.1");
    }

    [Fact]
    public void S12_s3_invokes_asynchronously_so_a_failing_function_is_retried()
    {
        var fixture = WithBucket(behaviour: FunctionBehaviour.AlwaysFailing("Error", "boom"));

        fixture.Engine.S3.PutObject("uploads", "a.txt", "x");
        fixture.Pass(TimeSpan.Zero);
        fixture.Pass(TimeSpan.FromMinutes(5));

        fixture.InvocationTimes().ShouldBe([0, 60, 180]);
    }

    [Fact]
    public void S12_a_notification_needs_a_policy_that_lets_s3_invoke_the_function()
    {
        var fixture = WithBucket(permitted: false);

        fixture.Engine.S3.PutObject("uploads", "a.txt", "x");
        fixture.Pass(TimeSpan.Zero);

        fixture.Engine.Invocations("fn").ShouldBeEmpty();
    }

    [Fact]
    public void S12_once_the_permission_is_removed_s3_can_no_longer_invoke()
    {
        var fixture = WithBucket();
        fixture.Engine.RemovePermission("fn", $"allow-{S3Notifications.Principal}").Succeeded.ShouldBeTrue();

        fixture.Engine.S3.PutObject("uploads", "a.txt", "x");
        fixture.Pass(TimeSpan.Zero);

        fixture.Engine.Invocations("fn").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("images/", ".jpg", "images/cat.jpg", true)]
    [InlineData("images/", ".jpg", "images/cat.png", false)]
    [InlineData("images/", ".jpg", "docs/cat.jpg", false)]
    [InlineData(null, null, "anything", true)]
    public void S12_prefix_and_suffix_filters_select_the_keys_that_notify(string? prefix, string? suffix, string key, bool notifies)
    {
        var fixture = WithBucket(prefix: prefix, suffix: suffix);

        fixture.Engine.S3.PutObject("uploads", key, "x");
        fixture.Pass(TimeSpan.Zero);

        fixture.Engine.Invocations("fn").Count.ShouldBe(notifies ? 1 : 0);
    }

    [Fact]
    public void S12_only_the_configured_event_types_notify()
    {
        var fixture = WithBucket(events: ["s3:ObjectRemoved:Delete"]);

        fixture.Engine.S3.PutObject("uploads", "a.txt", "x");
        fixture.Pass(TimeSpan.Zero);
        fixture.Engine.S3.DeleteObject("uploads", "a.txt");
        fixture.Pass(TimeSpan.Zero);

        fixture.Engine.Invocations("fn").ShouldHaveSingleItem();
        Record(fixture)["eventName"]!.GetValue<string>().ShouldBe("ObjectRemoved:Delete");
        Record(fixture)["s3"]!["object"]!.AsObject().ContainsKey("size").ShouldBeFalse();
    }

    [Fact]
    public void S12_deleting_in_a_versioned_bucket_creates_a_delete_marker_with_a_version_id()
    {
        var fixture = WithBucket(versioned: true);

        fixture.Engine.S3.PutObject("uploads", "a.txt", "x");
        fixture.Pass(TimeSpan.Zero);
        fixture.Engine.S3.DeleteObject("uploads", "a.txt");
        fixture.Pass(TimeSpan.Zero);

        Record(fixture, 0)["s3"]!["object"]!["versionId"].ShouldNotBeNull();
        Record(fixture, 1)["eventName"]!.GetValue<string>().ShouldBe("ObjectRemoved:DeleteMarkerCreated");
        var sequencers = new[] { 0, 1 }.Select(i => Record(fixture, i)["s3"]!["object"]!["sequencer"]!.GetValue<string>()).ToList();
        string.CompareOrdinal(sequencers[0], sequencers[1]).ShouldBeLessThan(0);
    }

    [Fact]
    public void An_unknown_bucket_answers_no_such_bucket() =>
        new EngineFixture().Engine.S3.PutObject("missing", "a", "x").ErrorType.ShouldBe("NoSuchBucket");
}
