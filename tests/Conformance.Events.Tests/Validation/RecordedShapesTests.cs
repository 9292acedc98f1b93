using System.Text.Json.Nodes;
using Conformance.Events.Validation;
using Conformance.Tests.Shared;

namespace Conformance.Events.Tests.Validation;

/// <summary>
/// Every fixture carries every field of its recorded counterpart (a payload recorded on AWS, or printed
/// in AWS's documentation) with the same JSON type, and every recorded shape has a fixture.
/// </summary>
public sealed class RecordedShapesTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "fixtures", "events");

    public static TheoryData<string> FixtureFiles => new(Directory.GetFiles(Fixtures, "*.json", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Fixtures, f).Replace('\\', '/')).Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(FixtureFiles))]
    public void A_fixture_has_every_field_AWS_sends_with_its_type(string fixture)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, fixture)));
        RecordedShapes.Compare(json).Select(p => p.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Every_recorded_shape_is_the_counterpart_of_at_least_one_fixture()
    {
        var used = Directory.GetFiles(Fixtures, "*.json", SearchOption.AllDirectories)
            .SelectMany(f => RecordedShapes.For(JsonNode.Parse(File.ReadAllText(f)))).Select(s => s.Shape.Name).ToHashSet();
        RecordedShapes.All.Values.Where(s => !s.Fallback && !used.Contains(s.Name)).Select(s => s.Name).Order(StringComparer.Ordinal).ShouldBeEmpty();
    }

    [Fact]
    public void Every_shape_names_its_sources()
    {
        RecordedShapes.All.Count.ShouldBeGreaterThan(20);
        foreach (var shape in RecordedShapes.All.Values)
        {
            shape.Sources.ShouldNotBeEmpty(shape.Name);
            shape.Fields.ShouldNotBeEmpty(shape.Name);
        }
    }

    [Fact]
    public void A_missing_field_and_a_field_of_another_type_are_named_by_their_path()
    {
        var json = JsonNode.Parse("""{"Records":[{"eventSource":"aws:kinesis","eventName":"aws:kinesis:record","kinesis":{"data":5}}]}""");

        var problems = RecordedShapes.Compare(json).Select(p => p.ToString()).ToList();

        problems.ShouldContain(p => p.StartsWith("$.Records[0].kinesis.data: is number; AWS sends string (recorded: localstack/localstack at 8b9a79f0", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("$.Records[0].invokeIdentityArn: missing: AWS sends it (string;", StringComparison.Ordinal));
    }

    [Fact]
    public void The_records_an_on_failure_record_for_s3_carries_are_compared_with_their_own_shape()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "dynamodb", "dynamodb-on-failure-s3-event.json")))!;
        fixture["payload"]!["Records"]![1]!.AsObject().Remove("eventID");
        var withoutPayload = fixture.DeepClone().AsObject();
        withoutPayload.Remove("payload");

        RecordedShapes.Compare(fixture).Select(p => p.ToString()).ShouldHaveSingleItem().ShouldStartWith("$.payload.Records[1].eventID: missing: AWS sends it");
        RecordedShapes.For(withoutPayload).ShouldHaveSingleItem().Shape.Name.ShouldBe("dynamodb-failure-record");
    }

    [Fact]
    public void An_S3_event_with_a_recorded_shape_of_its_own_is_compared_with_it_and_else_with_its_type_s()
    {
        var completed = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "s3", "s3-object-restore-completed-event.json")))!;
        var posted = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "s3", "s3-object-restore-post-event.json")))!;
        completed["Records"]![0]!.AsObject().Remove("glacierEventData");

        RecordedShapes.Compare(completed).Select(p => p.ToString()).ShouldHaveSingleItem().ShouldStartWith("$.Records[0].glacierEventData: missing: AWS sends it");
        RecordedShapes.For(completed).ShouldHaveSingleItem().Shape.Name.ShouldBe("s3-record-ObjectRestore-Completed-2.1");
        RecordedShapes.For(posted).ShouldHaveSingleItem().Shape.Name.ShouldBe("s3-record-ObjectRestore-2.1");
        RecordedShapes.Compare(posted).ShouldBeEmpty();
    }

    [Fact]
    public void An_authorized_request_is_compared_with_its_authorizer_s_documented_part()
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "api-gateway", "api-gateway-rest-lambda-authorizer-event.json")))!;
        fixture["requestContext"]!["authorizer"]!.AsObject().Remove("integrationLatency");
        var jwt = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "api-gateway", "api-gateway-http-v2-jwt-authorizer-event.json")))!;
        jwt["requestContext"]!["authorizer"]!["jwt"]!["scopes"] = "orders/read";

        RecordedShapes.Compare(fixture).Select(p => p.ToString()).ShouldHaveSingleItem()
            .ShouldStartWith("$.requestContext.authorizer.integrationLatency: missing: AWS sends it (number; recorded: https://docs.aws.amazon.com/powertools/");
        RecordedShapes.Compare(jwt).Select(p => p.ToString()).ShouldHaveSingleItem()
            .ShouldStartWith("$.requestContext.authorizer.jwt.scopes: is string; AWS sends array or null");
    }
}

/// <summary>
/// An event built from a recorded shape alone (each field with its recorded type; masked values taken
/// from the matching fixture) passes the whole validation, so <c>fixtures validate</c> never flags what
/// AWS sends.
/// </summary>
public sealed class RecordedEventValidationTests
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "fixtures", "events");

    public static TheoryData<string> Shapes => new(RecordedShapes.All.Values.Where(s => !s.Fallback).Select(s => s.Name).Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Shapes))]
    public void An_event_with_only_the_recorded_fields_is_valid(string name)
    {
        var shape = RecordedShapes.All[name];
        var (fixture, inRecords) = Counterpart(shape);
        var sample = inRecords ? fixture["Records"]![0]! : fixture;
        var built = new JsonObject();
        foreach (var (path, types) in shape.Fields.OrderBy(f => f.Key.Length)) Set(built, path, types, sample);
        JsonNode recorded = inRecords ? new JsonObject { ["Records"] = new JsonArray(built) } : built;

        var kind = EventKinds.Detect(recorded);
        kind.ShouldNotBeNull(recorded.ToJsonString());
        ShapeValidator.Validate(recorded, EventKinds.ByName[kind]).Concat(RecordedShapes.Compare(recorded)).Select(p => p.ToString()).ShouldBeEmpty(recorded.ToJsonString());
    }

    private static (JsonNode Fixture, bool InRecords) Counterpart(RecordedShape shape)
    {
        foreach (var file in Directory.GetFiles(Fixtures, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            if (RecordedShapes.For(json).FirstOrDefault(s => s.Shape.Name == shape.Name) is { Shape: not null } match && match.Path is "$" or "$.Records[0]")
                return (json, match.Path != "$");
        }
        throw new InvalidOperationException($"no fixture for {shape.Name}");
    }

    /// <summary>Sets the field at <paramref name="path"/> to a value of its recorded type (a masked one from the sample).</summary>
    private static void Set(JsonObject root, string path, IReadOnlySet<string> types, JsonNode sample)
    {
        var names = path[2..].Replace("[*]", ".[*]", StringComparison.Ordinal).Split('.');
        JsonNode parent = root;
        JsonNode? fromSample = sample;
        for (var i = 0; i < names.Length; i++)
        {
            var last = i == names.Length - 1;
            fromSample = names[i] == "[*]" ? (fromSample as JsonArray)?.FirstOrDefault() : (fromSample as JsonObject)?[names[i]];
            if (last)
            {
                var value = types.Contains("any") ? fromSample?.DeepClone() : Typed(types.First(), fromSample);
                if (parent is JsonArray array) { if (array.Count == 0) array.Add(value); }
                else ((JsonObject)parent)[names[i]] = value;
                return;
            }
            JsonNode? next = parent is JsonArray list ? list.FirstOrDefault() : ((JsonObject)parent)[names[i]];
            if (next is null)
            {
                next = names[i + 1] == "[*]" ? new JsonArray() : new JsonObject();
                if (parent is JsonArray array) array.Add(next); else ((JsonObject)parent)[names[i]] = next;
            }
            parent = next;
        }
    }

    private static JsonNode? Typed(string type, JsonNode? sample) => type switch
    {
        "string" => sample?.GetValueKind() == System.Text.Json.JsonValueKind.String ? sample.DeepClone() : JsonValue.Create("x"),
        "number" => sample?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? sample.DeepClone() : JsonValue.Create(1),
        "boolean" => JsonValue.Create(false),
        "object" => new JsonObject(),
        "array" => new JsonArray(),
        _ => null,
    };
}
