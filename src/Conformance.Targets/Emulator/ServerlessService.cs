using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.Core.Functions;

namespace Conformance.Targets.Emulator;

/// <summary>
/// A scenario's functions and their event sources as one serverless.com service
/// (<c>serverless.json</c>): what serverless-offline and its plugins read at start. Lambda's control
/// plane is dynamic; the emulator's is this file, so the target rewrites it and restarts the emulator
/// when the scenario changes it.
/// </summary>
public sealed class ServerlessService(string name)
{
    /// <summary>The stage: "prod", the stage name the corpus's REST API scenarios deploy to on every target.</summary>
    public const string Stage = "prod";

    public string Name { get; } = name;

    public Dictionary<string, FunctionSpec> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>Event sources per function (the <c>events</c> list of serverless.yml).</summary>
    public Dictionary<string, List<JsonObject>> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Function settings beyond the handler and timeout, as serverless.yml names them
    /// (<c>maximumRetryAttempts</c>, <c>maximumEventAge</c>, <c>destinations</c>, <c>reservedConcurrency</c>):
    /// written as the scenario gives them, whether or not serverless-offline acts on them.
    /// </summary>
    public Dictionary<string, JsonObject> FunctionSettings { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// CloudFormation resources of the service (<c>resources.Resources</c>), by logical id: where an emulator
    /// that keeps its queues in its own process (serverless-aws-lambda) reads the queues to create at start.
    /// </summary>
    public Dictionary<string, JsonObject> Resources { get; } = new(StringComparer.Ordinal);

    public string HttpApiPayloadVersion { get; set; } = "2.0";

    public bool HasHttpRoutes => Events.Values.SelectMany(e => e).Any(e => e.ContainsKey("http") || e.ContainsKey("httpApi"));

    public string DeployedName(string function) => $"{Name}-{Stage}-{function}";

    /// <summary>
    /// The scenario's own names in an observed event: queues, streams, tables and buckets live on shared
    /// servers as <c>cN-name</c>, a prefix the harness chose, so it is taken out again. Only where a name
    /// begins (after a quote, colon, slash or the start): inside an id such as the UUID
    /// <c>4b8513c8-d4c1-…</c>, the same letters are the id's own and stay.
    /// </summary>
    public string WithScenarioNames(string observed) =>
        Regex.Replace(observed, $"(?<![0-9A-Za-z]){Regex.Escape(Name)}-", "", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public void AddEvent(string function, JsonObject @event)
    {
        if (!Events.TryGetValue(function, out var list)) Events[function] = list = [];
        list.Add(@event);
    }

    /// <summary>
    /// The probe's sink, and for a user project's function its own variables and its handler, which the
    /// probe loads and runs in serverless-offline's place (<c>PROBE_USER_HANDLER</c>, "file|export").
    /// </summary>
    private static JsonObject Environment(FunctionSpec spec, string sinkUrl)
    {
        var environment = new JsonObject { ["PROBE_SINK_URL"] = sinkUrl };
        if (spec.Code is not { } code) return environment;
        foreach (var (key, value) in code.Environment) environment[key] = value;
        var dot = code.Handler.LastIndexOf('.');
        environment["PROBE_USER_HANDLER"] = $"{Path.Combine(code.Directory, code.Handler[..dot])}|{code.Handler[(dot + 1)..]}";
        return environment;
    }

    /// <summary>The service for serverless-offline and its plugins, on these ports, the pull sources on the stack's servers.</summary>
    public JsonObject ToJson(EmulatorPorts ports, EmulatorStack stack)
    {
        var plugins = new JsonArray();
        var allEvents = Events.Values.SelectMany(e => e).ToList();
        var custom = new JsonObject
        {
            ["serverless-offline"] = new JsonObject
            {
                ["host"] = "127.0.0.1", ["httpPort"] = ports.Http, ["lambdaPort"] = ports.Lambda, ["websocketPort"] = ports.WebSocket,
            },
        };
        var local = new JsonObject { ["region"] = EmulatorStack.Region, ["accessKeyId"] = "local", ["secretAccessKey"] = "local" };
        if (allEvents.Any(e => e.ContainsKey("sqs")))
        {
            plugins.Add("serverless-offline-sqs");
            var sqs = (JsonObject)local.DeepClone();
            sqs["autoCreate"] = false;
            sqs["endpoint"] = $"http://127.0.0.1:{stack.SqsPort}";
            sqs["accountId"] = EmulatorStack.AccountId;
            custom["serverless-offline-sqs"] = sqs;
        }
        if (allEvents.Any(e => e["stream"]?["type"]?.ToString() == "kinesis"))
        {
            plugins.Add("serverless-offline-kinesis");
            var kinesis = (JsonObject)local.DeepClone();
            kinesis["endpoint"] = $"http://127.0.0.1:{stack.KinesisPort}";
            custom["serverless-offline-kinesis"] = kinesis;
        }
        if (allEvents.Any(e => e["stream"]?["type"]?.ToString() == "dynamodb"))
        {
            plugins.Add("serverless-offline-dynamodb-streams");
            var dynamo = (JsonObject)local.DeepClone();
            dynamo["endpoint"] = $"http://127.0.0.1:{stack.DynamoDbPort}";
            dynamo["checkpointFile"] = ".ddb-streams-checkpoint.json";
            custom["serverless-offline-dynamodb-streams"] = dynamo;
        }
        plugins.Add("serverless-offline");
        return ToJson(plugins, custom, stack.Sink.Url);
    }

    /// <summary>The service with these plugins and their settings (<c>custom</c>), its functions reporting to the probe's sink.</summary>
    public JsonObject ToJson(JsonArray plugins, JsonObject custom, string sinkUrl)
    {
        var functions = new JsonObject();
        foreach (var (function, spec) in Functions)
        {
            var settings = new JsonObject
            {
                ["handler"] = "probe.handler",
                ["timeout"] = (int)Math.Ceiling(spec.Timeout.TotalSeconds), // as given: serverless decides what it accepts
                ["environment"] = Environment(spec, sinkUrl),
                ["events"] = new JsonArray(Events.GetValueOrDefault(function, []).Select(e => (JsonNode)e.DeepClone()).ToArray()),
            };
            if (spec.Code is { } code)
            {
                settings["runtime"] = code.Runtime;
                settings["memorySize"] = code.MemorySize;
            }
            foreach (var (key, value) in FunctionSettings.GetValueOrDefault(function) ?? []) settings[key] = value?.DeepClone();
            functions[function] = settings;
        }
        var service = new JsonObject
        {
            ["service"] = Name,
            ["frameworkVersion"] = "3",
            ["configValidationMode"] = "error",
            ["provider"] = new JsonObject
            {
                ["name"] = "aws", ["runtime"] = "nodejs20.x", ["region"] = EmulatorStack.Region, ["stage"] = Stage,
                ["httpApi"] = new JsonObject { ["payload"] = HttpApiPayloadVersion },
            },
            ["plugins"] = plugins,
            ["custom"] = custom,
            ["functions"] = functions,
        };
        if (Resources.Count > 0)
            service["resources"] = new JsonObject { ["Resources"] = new JsonObject([.. Resources.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value.DeepClone()))]) };
        return service;
    }
}

/// <summary>The loopback ports of one serverless-offline process.</summary>
public sealed record EmulatorPorts(int Http, int Lambda, int WebSocket);
