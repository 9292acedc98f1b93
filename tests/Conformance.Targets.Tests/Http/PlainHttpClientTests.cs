using System.Net;
using System.Net.Sockets;
using System.Text;
using Conformance.Core.Invocation;
using Conformance.Targets.Http;

namespace Conformance.Targets.Tests.Http;

/// <summary>The plain client against a real loopback socket that records the bytes it is sent.</summary>
public sealed class PlainHttpClientTests
{
    private static async Task<(HttpResponse Response, string Request)> ExchangeAsync(HttpRequest request, string answer)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var connection = await listener.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || !BodyComplete(received.ToString()))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0) break;
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
            return received.ToString();
        });
        var response = await PlainHttpClient.SendAsync(new Uri($"http://127.0.0.1:{port}/dev/orders?a=1&a=2"), request, CancellationToken.None);
        return (response, await server);
    }

    private static bool BodyComplete(string received)
    {
        var head = received[..received.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null || received.Length - head.Length - 4 >= int.Parse(length.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_repeated_header_goes_out_as_two_lines_with_the_body_and_its_length()
    {
        var request = new HttpRequest("POST", "/orders", "{\"id\":1}")
        {
            Headers = [KeyValuePair.Create("X-Tag", "a"), KeyValuePair.Create("X-Tag", "b")],
        };

        var (_, sent) = await ExchangeAsync(request, "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");

        sent.ShouldStartWith("POST /dev/orders?a=1&a=2 HTTP/1.1\r\n");
        sent.ShouldContain("\r\nX-Tag: a\r\nX-Tag: b\r\n");
        sent.ShouldContain("\r\nContent-Length: 8\r\n");
        sent.ShouldEndWith("\r\n\r\n{\"id\":1}");
    }

    [Fact]
    public async Task The_answer_keeps_its_status_its_repeated_headers_in_order_and_a_chunked_body()
    {
        var (response, _) = await ExchangeAsync(new HttpRequest("GET", "/orders"),
            "HTTP/1.1 502 Bad Gateway\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"mes\r\n12\r\nsage\":\"Internal \"}\r\n0\r\n\r\n");

        response.StatusCode.ShouldBe(502);
        response.Headers.Where(h => h.Key == "Set-Cookie").Select(h => h.Value).ShouldBe(["a=1", "b=2"]);
        response.Body.ShouldBe("{\"message\":\"Internal \"}");
    }

    [Fact]
    public void An_answer_without_an_end_of_headers_is_named() =>
        Should.Throw<InvalidDataException>(() => PlainHttpClient.Parse("HTTP/1.1 200 OK\r\nContent-"u8.ToArray())).Message.ShouldContain("no end of headers");
}
