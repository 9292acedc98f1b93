namespace Conformance.Targets;

/// <summary>
/// What the real targets say and send, for <c>conformance run --verbose</c>: the emulator's process
/// output and the probe's reports, and each HTTP request to AWS (method, path, status; never headers
/// or bodies). Nothing is written unless the host sets <see cref="Sink"/>.
/// </summary>
public static class Traffic
{
    public static Action<string>? Sink { get; set; }

    public static void Log(string source, string line) => Sink?.Invoke($"[{source}] {line}");

    /// <summary>Logs each request and its status; wraps the handler of a target's HTTP client.</summary>
    public sealed class LoggingHandler(string source, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Sink is not null)
            {
                var operation = request.Headers.TryGetValues("X-Amz-Target", out var target) ? target.First() + " " : "";
                Log(source, $"{request.Method} {request.RequestUri?.AbsolutePath} {operation}-> {(int)response.StatusCode}");
            }
            return response;
        }
    }
}
