using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;

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

    public string Base64(int bytes) => Convert.ToBase64String(random.Bytes(bytes));

    /// <summary>An IAM-style unique id such as <c>AIDAJDPLRKLG7UEXAMPLE</c>.</summary>
    public string PrincipalId(string prefix = "AIDA") => prefix + random.String2(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    public string FunctionArn(string name, string? qualifier = null) =>
        $"arn:aws:lambda:{Region}:{AccountId}:function:{name}{(qualifier is null ? "" : ":" + qualifier)}";

    public string QueueArn(string name) => $"arn:aws:sqs:{Region}:{AccountId}:{name}";

    public string StreamArn(string name) => $"arn:aws:kinesis:{Region}:{AccountId}:stream/{name}";

    public string TableStreamArn(string table, DateTimeOffset created) =>
        $"arn:aws:dynamodb:{Region}:{AccountId}:table/{table}/stream/{created.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}";

    public string RoleArn(string name) => $"arn:aws:iam::{AccountId}:role/{name}";

    public static string Md5Hex(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    public static string Md5Hex(string text) => Md5Hex(Encoding.UTF8.GetBytes(text));

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string IsoSeconds(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
