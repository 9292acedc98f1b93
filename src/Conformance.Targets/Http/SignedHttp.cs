using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Conformance.Targets.Http;

/// <summary>
/// HTTP clients for the AWS APIs whose SDK packages are not used here (Lambda, Kinesis): every request
/// signed with Signature Version 4 by AWSSDK.Core's <see cref="SigV4SigningHandler"/>.
/// </summary>
public static class SignedHttp
{
    public static HttpClient Create(AWSCredentials credentials, string region, string service, Uri endpoint, HttpMessageHandler? inner = null) =>
        new(new Traffic.LoggingHandler(service, new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service, inner ?? new SocketsHttpHandler())))
        {
            BaseAddress = endpoint,
            Timeout = TimeSpan.FromMinutes(16), // a synchronous invoke may run for the 15-minute maximum
        };
}
