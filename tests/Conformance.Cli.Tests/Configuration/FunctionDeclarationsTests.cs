using Conformance.Cli.Configuration;

namespace Conformance.Cli.Tests.Configuration;

/// <summary>The <c>functions</c> of <c>conformance.json</c>: a project's own functions, and errors that name the function and the field.</summary>
public sealed class FunctionDeclarationsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("functions-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ConformanceConfig? Load(string json)
    {
        var path = Path.Combine(folder, "conformance.json");
        File.WriteAllText(path, json);
        return ConformanceConfig.Load(path);
    }

    [Fact]
    public void A_function_gets_Lambda_s_defaults_and_its_code_folder_relative_to_the_file()
    {
        var config = Load("""
            { "functions": {
                "orders": { "handler": "src/orders.handler", "runtime": "nodejs20.x" },
                "billing": { "handler": "app.handler", "runtime": "nodejs22.x", "timeout": 30, "memorySize": 512, "codeUri": "billing", "environment": { "MODE": "strict" } }
            } }
            """)!;

        var orders = config.Functions.Single(f => f.Name == "orders");
        orders.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
        orders.Code.MemorySize.ShouldBe(128);
        orders.Code.Directory.ShouldBe(folder);
        orders.Code.Handler.ShouldBe("src/orders.handler");
        var billing = config.Functions.Single(f => f.Name == "billing");
        billing.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        billing.Code.MemorySize.ShouldBe(512);
        billing.Code.Directory.ShouldBe(Path.Combine(folder, "billing"));
        billing.Code.Runtime.ShouldBe("nodejs22.x");
        billing.Code.Environment["MODE"].ShouldBe("strict");
    }

    [Theory]
    [InlineData("""{ "functions": [] }""", "\"functions\" must be an object of functions by name")]
    [InlineData("""{ "functions": { "orders": { "handler": "a.handler", "runtime": "nodejs20.x", "memory": 256 } } }""", "functions.orders: unknown field \"memory\" (known: handler, runtime, timeout, memorySize, environment, codeUri)")]
    [InlineData("""{ "functions": { "orders": { "runtime": "nodejs20.x" } } }""", "functions.orders: \"handler\" is missing")]
    [InlineData("""{ "functions": { "orders": { "handler": "a.handler" } } }""", "functions.orders: \"runtime\" is missing")]
    [InlineData("""{ "functions": { "orders": { "handler": "a.handler", "runtime": "nodejs20.x", "timeout": 901 } } }""", "functions.orders.timeout: must be a whole number of seconds from 1 to 900, not 901")]
    [InlineData("""{ "functions": { "orders": { "handler": "a.handler", "runtime": "nodejs20.x", "memorySize": "big" } } }""", "functions.orders.memorySize: must be a whole number of MB from 128 to 10240, not \"big\"")]
    [InlineData("""{ "functions": { "orders": { "handler": "a.handler", "runtime": "nodejs20.x", "environment": { "RETRIES": 3 } } } }""", "functions.orders.environment.RETRIES: must be text")]
    [InlineData("""{ "functions": { "orders": { "handler": 7, "runtime": "nodejs20.x" } } }""", "functions.orders.handler: must be non-empty text, not 7")]
    [InlineData("""{ "functions": { "my orders": { "handler": "a.handler", "runtime": "nodejs20.x" } } }""", "functions.my orders: a function name is 1 to 64 letters")]
    public void A_wrong_entry_is_refused_naming_the_function_and_the_field(string json, string message)
    {
        var problem = Should.Throw<InvalidDataException>(() => Load(json));
        problem.Message.ShouldContain(message);
        problem.Message.ShouldStartWith(Path.Combine(folder, "conformance.json"));
    }
}
