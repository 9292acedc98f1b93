using System.Text.Json.Nodes;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>
/// AWS's published API models of the services the kit's AWS and LocalStack adapter speaks: the JSON
/// models the AWS SDK for JavaScript v2 ships (npm <c>aws-sdk</c> 2.1693.0, <c>apis/*.min.json</c>,
/// installed into <c>tests/node</c> by <c>./test.sh</c>). Each gives an operation's protocol, HTTP
/// method and URI, and its input and output shapes: member names, locations, types and the required
/// members. The <c>.min</c> form keeps no documentation and no enum lists, so enum values are not checked.
/// </summary>
public sealed class AwsApiModels
{
    /// <summary>The pinned package the models come from, as cited.</summary>
    public const string Source = "aws-sdk@2.1693.0 (npm), apis/*.min.json";

    /// <summary>The models, by file name without <c>.min.json</c>.</summary>
    private static readonly string[] Files =
    [
        "lambda-2015-03-31", "sqs-2012-11-05", "kinesis-2013-12-02", "dynamodb-2012-08-10", "apigateway-2015-07-09",
        "apigatewayv2-2018-11-29", "events-2015-10-07", "sns-2010-03-31", "sts-2011-06-15", "s3-2006-03-01", "iam-2010-05-08",
    ];

    private static readonly Lazy<AwsApiModels> Installed = new(() => Load(Path.Combine(RepositoryPaths.NodeTools, "node_modules", "aws-sdk", "apis")));

    /// <summary>The models installed in <c>tests/node</c>.</summary>
    public static AwsApiModels Default => Installed.Value;

    public IReadOnlyList<ServiceModel> Services { get; }

    private AwsApiModels(IReadOnlyList<ServiceModel> services) => Services = services;

    public static AwsApiModels Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"AWS's API models are not installed at {directory}: run ./test.sh (it installs {Source} into tests/node).");
        return new([.. Files.Select(f => new ServiceModel(f, JsonNode.Parse(File.ReadAllText(Path.Combine(directory, f + ".min.json")))!.AsObject()))]);
    }

    /// <summary>The models a SigV4 signing name covers (API Gateway's REST and v2 APIs share "apigateway").</summary>
    public IEnumerable<ServiceModel> SignedAs(string signingName) => Services.Where(s => s.SigningName == signingName);

    /// <summary>The JSON-protocol model whose <c>X-Amz-Target</c> prefix this is.</summary>
    public ServiceModel? ByTargetPrefix(string prefix) => Services.FirstOrDefault(s => s.TargetPrefix == prefix);
}

/// <summary>One service's model: its metadata, operations and shapes.</summary>
public sealed class ServiceModel(string file, JsonObject model)
{
    private readonly JsonObject metadata = model["metadata"]!.AsObject();
    private readonly JsonObject operations = model["operations"]!.AsObject();
    private readonly JsonObject shapes = model["shapes"]?.AsObject() ?? [];

    public string File { get; } = file;

    public string Protocol => metadata["protocol"]!.GetValue<string>();

    public string ApiVersion => metadata["apiVersion"]!.GetValue<string>();

    public string SigningName => metadata["signingName"]?.GetValue<string>() ?? metadata["endpointPrefix"]!.GetValue<string>();

    public string? TargetPrefix => metadata["targetPrefix"]?.GetValue<string>();

    public string? JsonVersion => metadata["jsonVersion"]?.GetValue<string>();

    public IEnumerable<string> OperationNames => operations.Select(o => o.Key);

    public OperationModel? Operation(string name) =>
        operations[name] is JsonObject operation ? new OperationModel(this, name, operation) : null;

    /// <summary>A member or shape reference with its reference followed (the member's own location kept).</summary>
    public Shape Resolve(JsonObject? member)
    {
        if (member is null) return new Shape(this, [], []);
        var target = member["shape"] is JsonValue name && shapes[name.GetValue<string>()] is JsonObject named ? named : member;
        return new Shape(this, target, member);
    }
}

/// <summary>One operation: how it is called and what goes in and comes out.</summary>
public sealed class OperationModel(ServiceModel service, string name, JsonObject operation)
{
    public ServiceModel Service => service;

    public string Name => name;

    public string Method => operation["http"]?["method"]?.GetValue<string>() ?? "POST";

    /// <summary>The request URI template, e.g. <c>/2015-03-31/functions/{FunctionName}/invocations</c> (with any fixed query).</summary>
    public string RequestUri => operation["http"]?["requestUri"]?.GetValue<string>() ?? "/";

    /// <summary>The status AWS answers a success with (200 unless the model says otherwise).</summary>
    public int ResponseCode => operation["http"]?["responseCode"]?.GetValue<int>() ?? 200;

    public Shape Input => service.Resolve(operation["input"]?.AsObject());

    /// <summary>The output shape; an operation without one answers an empty body (or <c>{}</c>).</summary>
    public Shape? Output => operation["output"] is JsonObject output ? service.Resolve(output) : null;

    public override string ToString() => $"{service.File} {name}";
}

/// <summary>A shape with the member that refers to it (whose location and location name apply).</summary>
public sealed class Shape(ServiceModel service, JsonObject shape, JsonObject member)
{
    public string Type => shape["type"]?.GetValue<string>() ?? "string";

    /// <summary>Where a member goes in a REST request or response: uri, querystring, header, headers, statusCode, or the body (null).</summary>
    public string? Location => member["location"]?.GetValue<string>();

    public string? LocationName => member["locationName"]?.GetValue<string>() ?? shape["locationName"]?.GetValue<string>();

    public string? TimestampFormat => member["timestampFormat"]?.GetValue<string>() ?? shape["timestampFormat"]?.GetValue<string>();

    /// <summary>The member that is the whole body of a REST request or response, if one is.</summary>
    public string? Payload => shape["payload"]?.GetValue<string>();

    public string? ResultWrapper => shape["resultWrapper"]?.GetValue<string>();

    public bool Flattened => member["flattened"]?.GetValue<bool>() == true || shape["flattened"]?.GetValue<bool>() == true;

    public IReadOnlyList<string> Required => shape["required"] is JsonArray required ? [.. required.Select(r => r!.GetValue<string>())] : [];

    public IEnumerable<(string Name, Shape Shape)> Members =>
        (shape["members"]?.AsObject() ?? []).Select(m => (m.Key, service.Resolve(m.Value?.AsObject())));

    public Shape ListMember => service.Resolve(shape["member"]?.AsObject());

    public Shape MapKey => service.Resolve(shape["key"]?.AsObject());

    public Shape MapValue => service.Resolve(shape["value"]?.AsObject());
}
