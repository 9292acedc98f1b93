using System.IO.Compression;
using System.Text.Json.Nodes;
using Conformance.Core.Functions;
using Conformance.Targets.Aws;
using Conformance.Targets.Tests.Stubs;

namespace Conformance.Targets.Tests.Aws;

/// <summary>
/// A user project's function on the AWS target, against a WireMock.Net stub of Lambda's REST API: its
/// code is zipped and deployed with its runtime, memory and variables, the probe beside it only
/// observing, and the function is deleted when the scenario ends.
/// </summary>
public sealed class AwsUserCodeTests : IDisposable
{
    private readonly AwsStub aws = new();
    private readonly string project = Directory.CreateTempSubdirectory("aws-user-code-").FullName;

    public void Dispose()
    {
        aws.Dispose();
        Directory.Delete(project, recursive: true);
    }

    private static string Probe() => Path.Combine(Conformance.Tests.Shared.RepositoryPaths.Root, "src", "probe", "probe.js");

    private FunctionSpec Orders(string runtime = "nodejs22.x")
    {
        Directory.CreateDirectory(Path.Combine(project, "src"));
        Directory.CreateDirectory(Path.Combine(project, "reports"));
        Directory.CreateDirectory(Path.Combine(project, "node_modules", "left-pad"));
        File.WriteAllText(Path.Combine(project, "src", "orders.js"), "exports.handler = async () => 1;");
        File.WriteAllText(Path.Combine(project, "node_modules", "left-pad", "index.js"), "module.exports = 1;");
        File.WriteAllText(Path.Combine(project, "reports", "index.html"), "<html>");
        return new FunctionSpec("orders", new FunctionBehaviour())
        {
            Timeout = TimeSpan.FromSeconds(10),
            Code = new FunctionCode(project, "src/orders.handler", runtime) { MemorySize = 256, Environment = new Dictionary<string, string> { ["ORDER_PREFIX"] = "order-" } },
        };
    }

    [Fact]
    public async Task The_project_s_code_is_deployed_with_its_settings_and_the_probe_beside_it_then_deleted()
    {
        aws.Rest("POST", "/2015-03-31/functions", 201, """{"FunctionName":"lc-run1-1-orders","State":"Active"}""");
        aws.Rest("GET", "/2015-03-31/functions/lc-run1-1-orders", 200, """{"Configuration":{"State":"Active","LastUpdateStatus":"Successful"}}""");
        aws.Rest("DELETE", "/2015-03-31/functions/lc-run1-1-orders", 204);
        await using var run = aws.Connect(Probe());
        var target = run.CreateTarget();

        var created = await target.CreateFunctionAsync(Orders());
        await target.DisposeAsync();

        created.Succeeded.ShouldBeTrue(created.ToString());
        var body = JsonNode.Parse(aws.Requests.First(e => e.RequestMessage.Method == "POST").RequestMessage.Body!)!;
        body["Runtime"]!.ToString().ShouldBe("nodejs22.x");
        body["Handler"]!.ToString().ShouldBe("conformance-probe.handler");
        body["MemorySize"]!.GetValue<int>().ShouldBe(256);
        body["Timeout"]!.GetValue<int>().ShouldBe(10);
        body["Environment"]!["Variables"]!["ORDER_PREFIX"]!.ToString().ShouldBe("order-");
        body["Environment"]!["Variables"]!["PROBE_USER_HANDLER"]!.ToString().ShouldBe("src/orders|handler");
        using var archive = new ZipArchive(new MemoryStream(Convert.FromBase64String(body["Code"]!["ZipFile"]!.ToString())));
        archive.Entries.Select(e => e.FullName).ShouldBe(["node_modules/left-pad/index.js", "src/orders.js", "conformance-probe.js"]);
        aws.Requests.Last().RequestMessage.Method.ShouldBe("DELETE");
    }

    [Fact]
    public void A_runtime_the_adapter_cannot_deploy_is_unsupported_naming_the_function() =>
        Should.Throw<NotSupportedException>(() => UserCodePackage.Build("orders", Orders("python3.12").Code!, Probe()))
            .Message.ShouldBe("function \"orders\": this build's AWS adapter deploys a project's own Node.js handlers only, not python3.12");
}
