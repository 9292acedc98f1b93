using Conformance.Events.S3;

namespace Conformance.Events.Generation;

/// <summary>
/// Which era of AWS's event shapes the generator produces, where AWS changed a shape: the default is
/// today's AWS. Only changes AWS documents are here; today that is how S3 numbers its events.
/// </summary>
public sealed record EventEras
{
    public static EventEras Today { get; } = new();

    public S3EventVersionScheme S3Versioning { get; init; } = S3EventVersionScheme.Unified;
}
