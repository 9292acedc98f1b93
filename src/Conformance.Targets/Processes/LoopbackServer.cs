using System.Net;

namespace Conformance.Targets.Processes;

/// <summary>The accept loop of the kit's loopback HTTP servers: each request handled on its own task until the listener stops.</summary>
public static class LoopbackServer
{
    public static async Task AcceptAsync(HttpListener listener, Func<HttpListenerContext, Task> handle)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            _ = Task.Run(() => handle(context));
        }
    }
}
