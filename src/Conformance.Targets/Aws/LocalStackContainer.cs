using Testcontainers.LocalStack;

namespace Conformance.Targets.Aws;

/// <summary>
/// LocalStack started for a run through Testcontainers, where a Docker engine answers; without one (as on
/// this project's machines) the localstack target uses the endpoint the user gives.
/// </summary>
public static class LocalStackContainer
{
    public const string Image = "localstack/localstack:3";

    /// <summary>True when a Docker engine is reachable through its socket or <c>DOCKER_HOST</c>.</summary>
    public static bool DockerAvailable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    /// <summary>Starts LocalStack and returns its edge endpoint and the container (disposing it stops and removes it).</summary>
    public static async Task<(Uri Endpoint, IAsyncDisposable Container)> StartAsync(TextWriter progress, CancellationToken cancellation)
    {
        await progress.WriteLineAsync($"Starting LocalStack ({Image}) with Testcontainers ...");
        var container = new LocalStackBuilder(Image).Build();
        try
        {
            await container.StartAsync(cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await container.DisposeAsync();
            throw new TargetUnavailableException($"LocalStack could not be started with Docker: {ex.Message}");
        }
        return (new Uri(container.GetConnectionString()), container);
    }
}
