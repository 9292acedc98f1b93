using System.Collections.Concurrent;
using WireMock.Logging;
using WireMock.Server;

namespace Conformance.Tests.Shared.AwsModels;

/// <summary>
/// Every call a WireMock.Net stub of AWS took, checked against AWS's models when the stub stops: the
/// requests the adapter sent and the answers the test fed it. A test whose traffic departs from the
/// models fails, naming each departure.
/// </summary>
public static class StubTraffic
{
    private static readonly AwsModelCheck Checker = new(AwsApiModels.Default);

    /// <summary>The operations checked in this test process (service file and operation), for the coverage the notes give.</summary>
    public static ConcurrentDictionary<string, int> Checked { get; } = new();

    /// <summary>Throws if any call the stub took departs from AWS's model of its operation.</summary>
    public static void MustConform(WireMockServer server)
    {
        var problems = new List<string>();
        foreach (var entry in server.LogEntries)
        {
            var verdict = Checker.Check(Recorded(entry));
            if (verdict.Operation is { } operation) Count(operation);
            problems.AddRange(verdict.Problems.Select(p => $"{entry.RequestMessage.Method} {entry.RequestMessage.AbsolutePath}: {p}"));
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"Traffic that departs from AWS's API models ({AwsApiModels.Source}):\n  " + string.Join("\n  ", problems.Distinct()));
    }

    /// <summary>
    /// With <c>CONFORMANCE_MODEL_COVERAGE</c> set to a file, each checked operation is appended to it, so a
    /// whole test run can be counted per service.
    /// </summary>
    private static void Count(OperationModel operation)
    {
        var key = $"{operation.Service.File} {operation.Name}";
        if (Checked.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 && Environment.GetEnvironmentVariable("CONFORMANCE_MODEL_COVERAGE") is { Length: > 0 } file)
            lock (Checked) File.AppendAllText(file, key + "\n");
    }

    public static RecordedCall Recorded(ILogEntry entry)
    {
        var request = entry.RequestMessage;
        var response = entry.ResponseMessage;
        return new RecordedCall(
            request.Method, request.AbsolutePath, request.RawQuery ?? "",
            Flatten(request.Headers), request.Body,
            response?.StatusCode is { } status ? Convert.ToInt32(status.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 200,
            Flatten(response?.Headers), response?.BodyData?.BodyAsString ?? (response?.BodyData?.BodyAsJson is { } json ? System.Text.Json.JsonSerializer.Serialize(json) : null));
    }

    private static Dictionary<string, string> Flatten<TValues>(IDictionary<string, TValues>? headers) where TValues : IEnumerable<string> =>
        headers?.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase) ?? new(StringComparer.OrdinalIgnoreCase);
}
