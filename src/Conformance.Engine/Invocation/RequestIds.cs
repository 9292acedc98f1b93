namespace Conformance.Engine.Invocation;

/// <summary>Request ids in the UUID form Lambda uses, drawn from a seeded generator so runs repeat exactly.</summary>
internal sealed class RequestIds(int seed)
{
    private readonly Random random = new(seed);

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
