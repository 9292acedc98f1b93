using System.Text.Json.Nodes;

namespace Conformance.Events.Validation;

/// <summary>
/// The one check of an event against what AWS sends, for users' own events (<c>fixtures validate</c>) and
/// for what a target delivers: first the fields the kit's model of the kind types otherwise (the models
/// follow AWS's documentation, e.g. a DynamoDB record's <c>ApproximateCreationDateTime</c> is a number of
/// seconds), then every field AWS's recordings have that the event lacks or types otherwise.
/// </summary>
public static class EventValidation
{
    /// <summary>The kind of <paramref name="json"/> (<paramref name="kind"/> if given, else detected; null when nothing identifies it) and its problems.</summary>
    public static (string? Kind, IReadOnlyList<ShapeProblem> Problems) Check(JsonNode? json, string? kind = null)
    {
        var shape = kind ?? EventKinds.Detect(json);
        if (shape is null) return (null, []);
        var wrong = ShapeValidator.Validate(json, EventKinds.ByName[shape]);
        return (shape, [.. wrong, .. RecordedShapes.Compare(json).Where(p => !wrong.Any(w => w.Path == p.Path))]);
    }
}
