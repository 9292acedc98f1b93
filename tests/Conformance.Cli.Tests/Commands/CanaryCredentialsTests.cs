using Conformance.Tests.Shared.AwsModels;
using Conformance.Tests.Shared;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// Credentials never reach the output: a run against an AWS-compatible endpoint (a WireMock.Net stub that
/// refuses the credentials, as AWS does) with canary credentials; the requests carry them, and nothing the
/// run prints or writes does.
/// </summary>
[Collection("working directory")]
public sealed class CanaryCredentialsTests : IDisposable
{
    private const string KeyId = "AKIACANARY7777777777";
    private const string Secret = "canarySecret/do-not-print/0123456789abcdef";
    private const string Token = "canarySessionToken-do-not-print";
    private readonly CliHarness cli = new();
    private readonly WireMockServer aws = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public void Dispose()
    {
        aws.Stop();
        cli.Dispose();
        StubTraffic.MustConform(aws);
    }

    [Fact]
    public async Task A_refused_run_prints_and_writes_no_secret()
    {
        aws.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(400)
            .WithHeader("Content-Type", "application/x-amz-json-1.0")
            .WithBody($$"""{"__type":"com.amazonaws.sqs#InvalidClientTokenId","message":"The security token included in the request is invalid: {{KeyId}}"}"""));
        var saved = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", KeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Secret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", Token);
        (int ExitCode, string Output, string Error) run;
        try
        {
            run = await cli.RunAsync("run", "--target", "localstack", "--endpoint", aws.Url!, "--features", RepositoryPaths.Features, "--report", cli.Path("out"));
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }

        run.ExitCode.ShouldBe(ExitCodes.TargetUnavailable);
        run.Error.ShouldContain("(AWS_ACCESS_KEY_ID redacted)"); // the service echoed the key id, and the kit took it out
        aws.LogEntries.ShouldNotBeEmpty();
        aws.LogEntries.First().RequestMessage.Headers!["Authorization"].Single().ShouldContain(KeyId); // the canary was used
        var everything = run.Output + run.Error + string.Concat(Directory.GetFiles(cli.Directory.FullName, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        everything.ShouldNotContain(KeyId);
        everything.ShouldNotContain(Secret);
        everything.ShouldNotContain(Token);
    }
}
