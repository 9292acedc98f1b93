using Bogus;

namespace Conformance.Events.Generation;

/// <summary>
/// What every part of an <see cref="EventGenerator"/> draws from: one seeded faker, the ids, and a
/// clock that each event moves forward a little. One state for all parts, so the same seed gives the
/// same events whatever part makes them.
/// </summary>
internal sealed class GenerationState(Faker faker, AwsIdentity ids, DateTimeOffset start)
{
    public Faker Faker { get; } = faker;

    public AwsIdentity Ids { get; } = ids;

    public DateTimeOffset Now { get; private set; } = start;

    public DateTimeOffset Tick(int maxMilliseconds = 2000)
    {
        Now = Now.AddMilliseconds(Faker.Random.Int(1, maxMilliseconds));
        return Now;
    }

    public string Name(string prefix) => $"{prefix}-{Faker.Hacker.Noun().Replace(' ', '-').ToLowerInvariant()}";

    /// <summary>A JSON body as a string, serialised as the events are.</summary>
    public static string JsonBody(System.Text.Json.Nodes.JsonNode node) => node.ToJsonString(EventJson.Options);
}
