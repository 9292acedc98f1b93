using Conformance.Tests.Shared;

namespace Conformance.Cli.Tests.Commands;

/// <summary>
/// The message stream of a real run is accepted by Cucumber's own HTML formatter, and the page it
/// makes renders in a real browser. Needs the Node tools and chromium that <c>./test.sh</c> installs.
/// </summary>
[Collection("working directory")]
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class StandardFormatterTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_standard_cucumber_html_formatter_renders_our_message_stream()
    {
        var formatter = Path.Combine(RepositoryPaths.NodeTools, "node_modules", "@cucumber", "html-formatter");
        Directory.Exists(formatter).ShouldBeTrue($"{formatter} is missing: run ./test.sh, which installs the Node tools with npm ci");
        var chromium = ExternalProcess.Find("chromium").ShouldNotBeNull("chromium is not installed: run ./test.sh, which installs it");

        var (exitCode, output, _) = await cli.RunAsync("run", "--features", RepositoryPaths.Features, "--report", cli.Path("out"));
        exitCode.ShouldBe(ExitCodes.AllPassed);
        var scenarios = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"(\d+) scenarios:").Groups[1].Value);

        var html = cli.Path("cucumber.html");
        var render = await ExternalProcess.RunAsync("node", ["render-html.mjs", cli.Path("out", "messages.ndjson"), html],
            RepositoryPaths.NodeTools, TimeSpan.FromMinutes(1));
        render.ExitCode.ShouldBe(0, render.Error);

        var dom = await ExternalProcess.RunAsync(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={cli.Path("chromium-profile")}", "--virtual-time-budget=10000",
            "--dump-dom", new Uri(html).AbsoluteUri,
        ], cli.Directory.FullName, TimeSpan.FromMinutes(2));

        dom.ExitCode.ShouldBe(0, dom.Error);
        // Text that only the formatter's rendered page contains (not the embedded messages).
        dom.Output.ShouldContain($"({scenarios} / {scenarios}) passed");
    }
}
