using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Conformance.Events.Sqs;

namespace Conformance.Events.Generation;

/// <summary>
/// The MD5 digest SQS computes over message attributes (<c>md5OfMessageAttributes</c>): for each
/// attribute in name order, the name, the data type, a transport byte (1 string, 2 binary) and the
/// value, each length-prefixed with 4 big-endian bytes
/// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html).
/// </summary>
public static class SqsMessageAttributeDigest
{
    public static string? Compute(IReadOnlyDictionary<string, SqsMessageAttribute> attributes)
    {
        if (attributes.Count == 0) return null;
        using var buffer = new MemoryStream();
        foreach (var (name, attribute) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Write(buffer, Encoding.UTF8.GetBytes(name));
            Write(buffer, Encoding.UTF8.GetBytes(attribute.DataType));
            if (attribute.BinaryValue is not null)
            {
                buffer.WriteByte(2);
                Write(buffer, Convert.FromBase64String(attribute.BinaryValue));
            }
            else
            {
                buffer.WriteByte(1);
                Write(buffer, Encoding.UTF8.GetBytes(attribute.StringValue ?? ""));
            }
        }
        return Convert.ToHexString(MD5.HashData(buffer.ToArray())).ToLowerInvariant();
    }

    private static void Write(Stream stream, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }
}
