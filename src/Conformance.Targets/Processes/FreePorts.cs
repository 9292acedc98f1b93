using System.Net;
using System.Net.Sockets;

namespace Conformance.Targets.Processes;

/// <summary>Free TCP ports on the loopback address, so parallel runs never collide on fixed ports.</summary>
public static class FreePorts
{
    /// <summary>
    /// The ports handed out: below Linux's ephemeral range (32768-60999), so no outgoing connection of any
    /// process takes one between the moment it is chosen and the moment its server binds it (an emulator
    /// may bind its port seconds later, and bind it again after a restart). Each process starts at a
    /// random place in the range, so parallel test processes rarely ask for the same one.
    /// </summary>
    private const int First = 20000, Count = 12000;

    private static int next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref next) % Count);
            if (CanBind(port)) return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0); // the whole range taken: any free port
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
