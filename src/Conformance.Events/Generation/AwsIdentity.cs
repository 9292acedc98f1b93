using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Conformance.Core.Resources;

namespace Conformance.Events.Generation;

/// <summary>Realistic AWS identifiers drawn from one seeded randomizer, so the same seed gives the same ids.</summary>
public sealed class AwsIdentity(Randomizer random, string region, string accountId)
{
    public string Region { get; } = region;
    public string AccountId { get; } = accountId;

    /// <summary>A random (version 4) UUID, as Lambda request ids and SQS message ids are.</summary>
    public string Uuid() => UuidValue().ToString();

    /// <summary>The same UUID as <see cref="Uuid"/> would give, as 16 bytes rather than a 36-character string (for what is kept by the million).</summary>
    public Guid UuidValue()
    {
        var bytes = random.Bytes(16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string Hex(int length, bool upper = false)
    {
        var text = Convert.ToHexString(random.Bytes((length + 1) / 2))[..length];
        return upper ? text : text.ToLowerInvariant();
    }

    /// <summary>
    /// An X-Ray trace header in the recorded form <c>Root=1-{8 hex}-{24 hex};Parent={16 hex};Sampled=1</c>
    /// (https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader).
    /// </summary>
    public string TraceHeader() => $"Root=1-{Hex(8)}-{Hex(24)};Parent={Hex(16)};Sampled=1";

    public string Base64(int bytes) => Convert.ToBase64String(random.Bytes(bytes));

    /// <summary>An IAM-style unique id such as <c>AIDAJDPLRKLG7UEXAMPLE</c>.</summary>
    public string PrincipalId(string prefix = "AIDA") => prefix + random.String2(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    public string FunctionArn(string name, string? qualifier = null) => Arn.Function(Region, AccountId, name, qualifier).ToString();

    public string QueueArn(string name) => Arn.Queue(Region, AccountId, name).ToString();

    public string StreamArn(string name) => Arn.KinesisStream(Region, AccountId, name).ToString();

    public string TableStreamArn(string table, DateTimeOffset created) => Arn.TableStream(Region, AccountId, table, created).ToString();

    public string RoleArn(string name) => Arn.Role(AccountId, name).ToString();

    public string RuleArn(string name) => Arn.Rule(Region, AccountId, name).ToString();

    public string EventBusArn(string name) => Arn.EventBus(Region, AccountId, name).ToString();

    public static string BucketArn(string name) => Arn.Bucket(name).ToString();

    public static string Md5Hex(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    public static string Md5Hex(string text) => Md5Hex(Encoding.UTF8.GetBytes(text));

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string IsoSeconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
