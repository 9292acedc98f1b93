using Conformance.Reporting.Html;
using Conformance.Reporting.Model;
using Conformance.Reporting.Tests.Model;
using Microsoft.Playwright;

namespace Conformance.Reporting.Tests.Browser;

/// <summary>
/// The HTML report in a real browser (Playwright driving Debian's chromium, which ./test.sh installs):
/// the status filter works, timelines are drawn, and markup from a run is shown as text, never run.
/// A failing test leaves a screenshot beside the test binaries.
/// </summary>
// Needs what ./test.sh installs (npm packages, chromium) or the emulator stack (Java): not in the fast tier.
[Trait("Tier", "integration")]
public sealed class ReportInBrowserTests : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("report-browser");

    public async ValueTask InitializeAsync()
    {
        File.Exists("/usr/bin/chromium").ShouldBeTrue("chromium is not installed: run ./test.sh, which installs it");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        directory.Delete(recursive: true);
    }

    private async Task<IPage> OpenAsync(string feature)
    {
        var report = RunReportReader.Read(await SampleRun.MessagesAsync(feature));
        var path = Path.Combine(directory.FullName, "index.html");
        await File.WriteAllTextAsync(path, HtmlReport.Render(report));
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    private static async Task WithScreenshotOnFailure(IPage page, string name, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"{name}.png"), FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task The_status_filter_shows_only_the_scenarios_with_that_status()
    {
        var page = await OpenAsync("Feature: F\n  Scenario: good\n    Given a passing step\n  Scenario: bad\n    Then it fails with \"boom\"\n");

        await WithScreenshotOnFailure(page, "filter", async () =>
        {
            (await page.Locator("article.scenario:visible").CountAsync()).ShouldBe(2);
            await page.ClickAsync("button.filter[data-status='FAILED']");
            (await page.Locator("article.scenario:visible").CountAsync()).ShouldBe(1);
            (await page.Locator("article.scenario:visible h3").InnerTextAsync()).ShouldContain("bad");
            await page.ClickAsync("button.filter[data-status='ALL']");
            (await page.Locator("article.scenario:visible").CountAsync()).ShouldBe(2);
        });
    }

    [Fact]
    public async Task A_timeline_is_drawn_with_a_dot_per_attempt()
    {
        var page = await OpenAsync("Feature: F\n  Scenario: retries\n    Given a timeline of attempts at \"0, 60, 180\" is attached\n");

        await WithScreenshotOnFailure(page, "timeline", async () =>
        {
            (await page.Locator("svg.timeline circle.attempt").CountAsync()).ShouldBe(3);
            (await page.Locator("svg.timeline").TextContentAsync()).ShouldNotBeNull().ShouldContain("+2 min");
        });
    }

    [Fact]
    public async Task The_matrix_shows_each_target_s_outcome_with_the_reason_in_the_cell()
    {
        var reference = RunReportReader.Read(await SampleRun.MessagesAsync("Feature: F\n  Scenario: works\n    Given a passing step\n  Scenario: breaks\n    Given a passing step\n"));
        var emulator = RunReportReader.Read(await SampleRun.MessagesAsync("Feature: F\n  Scenario: works\n    Given a passing step\n  Scenario: breaks\n    Then it fails with \"<i>observed 400</i>\"\n"));
        var path = Path.Combine(directory.FullName, "index.html");
        await File.WriteAllTextAsync(path, HtmlReport.Render(reference, matrix: Conformance.Reporting.Matrix.ConformanceMatrix.Build([("reference", reference), ("emulator", emulator)])));
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        await WithScreenshotOnFailure(page, "matrix", async () =>
        {
            (await page.Locator("#matrix .matrix-grid thead th").AllInnerTextsAsync()).ShouldBe(["scenario", "reference", "emulator"]);
            var breaks = page.Locator("#matrix .matrix-grid tr", new PageLocatorOptions { HasText = "breaks" });
            (await breaks.Locator("td").AllInnerTextsAsync()).ShouldBe(["breaks", "passed", "failed"]);
            (await breaks.Locator("td.m-failed").GetAttributeAsync("title")).ShouldNotBeNull().ShouldContain("<i>observed 400</i>");
            (await page.Locator("#matrix i").CountAsync()).ShouldBe(0);
            (await page.Locator("#matrix .matrix-totals tr", new PageLocatorOptions { HasText = "emulator" }).Locator("td").AllInnerTextsAsync()).ShouldBe(["1", "1", "0", "0", "0"]);
        });
    }

    [Fact]
    public async Task The_page_opens_with_the_scores_per_area_and_the_divergences_with_their_evidence()
    {
        var page = await OpenAsync(
            "Feature: F\n  Scenario: works\n    Given a passing step\n  Scenario: breaks\n    Then it expects \"204\" but observes \"<b>400</b>\"\n" +
            "  Scenario: lacks\n    Given a step the target lacks: \"no versions\"\n  Scenario: also works\n    Given a passing step\n");

        await WithScreenshotOnFailure(page, "scores", async () =>
        {
            var all = page.Locator("#scores tr.score-all");
            (await all.Locator(".bar span").AllInnerTextsAsync()).ShouldBe(["2", "1", "1"]);
            (await all.Locator(".bar span").EvaluateAllAsync<string[]>("spans => spans.map(s => s.className)")).ShouldBe(["b-passed", "b-failed", "b-unsupported"]);
            (await all.Locator("td.score").InnerTextAsync()).ShouldBe("50 %");
            var causes = page.Locator(".divergences li.cause");
            (await causes.AllInnerTextsAsync()).Select(c => c.Split('\n')[0]).ShouldBe(["failed The value differs. 1", "unsupported no versions 1"], ignoreOrder: true);
            var divergences = page.Locator(".divergences li.divergence");
            (await divergences.CountAsync()).ShouldBe(2);
            (await divergences.First.InnerTextAsync()).ShouldContain("expected: 204");
            (await divergences.Last.InnerTextAsync()).ShouldContain("unsupported: no versions");
            (await page.Locator(".divergences b").CountAsync()).ShouldBe(0);
            var scores = await page.Locator("#scores").BoundingBoxAsync();
            var firstFeature = await page.Locator("section.feature").First.BoundingBoxAsync();
            scores.ShouldNotBeNull().Y.ShouldBeLessThan(firstFeature.ShouldNotBeNull().Y);
            await page.ClickAsync("button.filter[data-status='UNSUPPORTED']");
            (await page.Locator("article.scenario:visible h3").InnerTextAsync()).ShouldContain("lacks");
        });
    }

    [Fact]
    public async Task A_6_MB_event_of_markup_on_one_line_is_shown_as_text_and_the_page_stays_usable()
    {
        var page = await OpenAsync("Feature: Big\n  Scenario: huge event\n    Given an attempt whose event is 6291456 bytes of \"<img src=x onerror=window.pwned=1>\" is attached\n  Scenario: after it\n    Given a passing step\n");

        await WithScreenshotOnFailure(page, "huge", async () =>
        {
            (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).ShouldBeTrue();
            (await page.Locator("article img").CountAsync()).ShouldBe(0);
            var titles = string.Join("|", await page.Locator("article.scenario h3").AllInnerTextsAsync());
            titles.ShouldContain("huge event");
            titles.ShouldContain("after it");
            var shown = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('article pre, article code')].map(e => e.textContent.length))");
            shown.ShouldBeGreaterThan(1_000_000);
        });
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_in_the_messages_show_as_replacement_characters()
    {
        var lines = await SampleRun.MessagesAsync("Feature: Bytes\n  Scenario: marker-XYZ\n    Given a passing step\n");
        var path = Path.Combine(directory.FullName, "messages.ndjson");
        // Every "marker-" is followed by bytes that are not UTF-8 (a broken two-byte sequence and 0xFF).
        var parts = (string.Join("\n", lines) + "\n").Split("marker-");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) bytes.AddRange([.. "marker-"u8, 0xC3, 0x28, 0xFF]);
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(parts[i]));
        }
        await File.WriteAllBytesAsync(path, [.. bytes]);
        var html = Path.Combine(directory.FullName, "bytes.html");
        await File.WriteAllTextAsync(html, HtmlReport.Render(RunReportReader.Read(path)));
        var page = await browser!.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        await WithScreenshotOnFailure(page, "bytes", async () =>
            (await page.Locator("article.scenario h3").First.InnerTextAsync()).ShouldContain("marker-\uFFFD"));
    }

    [Fact]
    public async Task Markup_from_a_run_is_shown_as_text_and_never_executed()
    {
        var page = await OpenAsync("Feature: <img src=x onerror=\"window.pwned=1\">\n  Scenario: <script>window.pwned=2</script>\n    Then it fails with \"<b onmouseover=window.pwned=3>bold</b>\"\n");

        await WithScreenshotOnFailure(page, "hostile", async () =>
        {
            (await page.EvaluateAsync<bool>("() => window.pwned === undefined")).ShouldBeTrue();
            (await page.Locator("section.feature h2").First.InnerTextAsync()).ShouldContain("<img src=x");
            (await page.Locator("article.scenario h3").InnerTextAsync()).ShouldContain("<script>window.pwned=2</script>");
            (await page.Locator("pre.message").InnerTextAsync()).ShouldContain("<b onmouseover");
            (await page.Locator("article img, article script, article b").CountAsync()).ShouldBe(0);
        });
    }

    [Fact]
    public async Task The_search_box_and_tags_narrow_the_scenarios_and_the_contents_link_to_features()
    {
        var page = await OpenAsync("Feature: Alpha\n  @sqs\n  Scenario: first\n    Given a passing step\n  Scenario: second\n    Given a passing step\n");

        await WithScreenshotOnFailure(page, "search", async () =>
        {
            await page.FillAsync("#search", "second");
            (await page.Locator("article.scenario:visible").CountAsync()).ShouldBe(1);
            await page.FillAsync("#search", "");
            (await page.Locator("article.scenario:visible").CountAsync()).ShouldBe(2);
            await page.ClickAsync("article.scenario .tag >> text=@sqs");
            (await page.InputValueAsync("#search")).ShouldBe("@sqs");
            (await page.Locator("article.scenario:visible h3").InnerTextAsync()).ShouldContain("first");
            (await page.Locator("nav.contents a[href='#feature-0']").TextContentAsync()).ShouldBe("Alpha");
        });
    }
}
