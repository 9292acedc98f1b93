using System.Net.Sockets;
using System.Text;
using Conformance.Core.Invocation;

namespace Conformance.Targets.Http;

/// <summary>
/// HTTP/1.1 over a plain TCP connection (with TLS for <c>https</c>), for requests to an emulator on
/// loopback or to an API's invoke URL. It writes every header line as given, so a header repeated in the request goes out as two lines, as curl or a
/// browser sends it (.NET's HttpClient joins them into one line with ", ", which API Gateway's
/// handling of repeated headers would then never see). One request per connection.
/// </summary>
public static class PlainHttpClient
{
    public static async Task<HttpResponse> SendAsync(Uri uri, HttpRequest request, CancellationToken cancellation)
    {
        if (uri.Scheme is not ("http" or "https")) throw new ArgumentException($"{uri} is not an http or https address.", nameof(uri));
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, cancellation);
        await using Stream stream = uri.Scheme == "https" ? await TlsAsync(client, uri.Host, cancellation) : client.GetStream();
        var body = request.Body is null ? [] : Encoding.UTF8.GetBytes(request.Body);
        var head = new StringBuilder()
            .Append(request.Method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in request.Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH") head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellation);
        await stream.WriteAsync(body, cancellation);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellation); // the server closes the connection after its answer
        return Parse(received.ToArray());
    }

    private static async Task<Stream> TlsAsync(TcpClient client, string host, CancellationToken cancellation)
    {
        var tls = new System.Net.Security.SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = host }, cancellation);
        return tls;
    }

    /// <summary>Reads a whole HTTP/1.1 response: status line, headers (repeats kept in order), and a body by length, chunks or end of stream.</summary>
    public static HttpResponse Parse(byte[] response)
    {
        var end = IndexOf(response, "\r\n\r\n"u8, 0);
        if (end < 0) throw new InvalidDataException($"The server's answer has no end of headers ({response.Length} bytes).");
        var lines = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !int.TryParse(status[1], out var code)) throw new InvalidDataException($"Not an HTTP status line: {lines[0]}");
        var headers = lines.Skip(1).Where(l => l.Contains(':'))
            .Select(l => KeyValuePair.Create(l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        var content = response.AsSpan(end + 4);
        var chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        var bytes = chunked ? Dechunk(content) : content.ToArray();
        if (!chunked && headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value is { } length
            && int.TryParse(length, out var declared) && declared < bytes.Length)
            bytes = bytes[..declared];
        return new HttpResponse(code, headers, Encoding.UTF8.GetString(bytes));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> content)
    {
        var body = new List<byte>();
        var position = 0;
        while (position < content.Length)
        {
            var lineEnd = content[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(content.Slice(position, lineEnd)).Split(';')[0].Trim();
            var size = Convert.ToInt32(sizeText, 16);
            position += lineEnd + 2;
            if (size == 0) break;
            body.AddRange(content.Slice(position, Math.Min(size, content.Length - position)).ToArray());
            position += size + 2;
        }
        return [.. body];
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int from)
    {
        var found = data.AsSpan(from).IndexOf(value);
        return found < 0 ? -1 : found + from;
    }
}
