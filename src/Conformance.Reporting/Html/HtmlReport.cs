using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Conformance.Reporting.Matrix;
using Conformance.Reporting.Model;
using Conformance.Reporting.Scores;

namespace Conformance.Reporting.Html;

/// <summary>
/// Renders a run as one self-contained HTML page (no external files, works offline): features as
/// chapters with their descriptions and links, scenarios with their steps, statuses and failure
/// messages, invocation timelines, expected and observed values side by side with the difference
/// marked; a table of contents, a search box (text or @tag; clicking a tag searches it) and a filter by
/// status. Every text from the run is HTML-escaped.
/// </summary>
public static partial class HtmlReport
{
    [GeneratedRegex(@"https://[^\s<>""]+")]
    private static partial Regex Url();

    /// <summary>
    /// The living documentation of a run on <paramref name="target"/>, opened by the scores and the
    /// divergences; with a <paramref name="matrix"/>, those of every target's run and the matrix itself.
    /// </summary>
    /// <param name="report">The run.</param>
    /// <param name="title">The page's title.</param>
    /// <param name="matrix">Every target's runs, when the page shows several.</param>
    /// <param name="target">The run's target.</param>
    /// <param name="baseline">Against a baseline: each scenario's mark by <c>feature: scenario</c> (<c>known</c>, <c>new</c>, <c>fixed</c>).</param>
    public static string Render(RunReport report, string title = "Lambda conformance report", ConformanceMatrix? matrix = null, string target = "this run",
        IReadOnlyDictionary<string, string>? baseline = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(Styles).Append(MatrixHtml.Css).Append(ScorecardHtml.Css).Append("</style></head><body>");
        html.Append("<header><h1>").Append(E(title)).Append("</h1>").Append(Summary(report))
            .Append("<input id=\"search\" type=\"search\" placeholder=\"search scenarios, steps or @tags\" aria-label=\"search\">")
            .Append("</header><main>");
        html.Append(ScorecardHtml.Section(matrix ?? ConformanceMatrix.Build([(target, report)])));
        if (matrix is not null) html.Append(MatrixHtml.Section(matrix));
        html.Append(Contents(report));

        if (report.ParseErrors.Count > 0)
        {
            html.Append("<section class=\"parse-errors\"><h2>Feature files that could not be parsed</h2><ul>");
            foreach (var error in report.ParseErrors) html.Append("<li><code>").Append(E(error)).Append("</code></li>");
            html.Append("</ul></section>");
        }

        foreach (var (feature, index) in report.Features.Select((f, i) => (f, i)))
        {
            html.Append("<section class=\"feature\" id=\"feature-").Append(index).Append("\"><h2>").Append(E(feature.Name)).Append("</h2>")
                .Append("<p class=\"uri\">").Append(E(feature.Uri)).Append(' ').Append(TagList(feature.Tags)).Append("</p>")
                .Append("<div class=\"description\">").Append(Description(feature.Description)).Append("</div>");
            foreach (var scenario in feature.Scenarios) html.Append(Scenario(scenario, baseline?.GetValueOrDefault($"{feature.Uri}: {scenario.Name}")));
            html.Append("</section>");
        }
        html.Append("</main><script>").Append(Script).Append("</script></body></html>\n");
        return html.ToString();
    }

    private static string Contents(RunReport report)
    {
        var html = new StringBuilder("<nav class=\"contents\"><details><summary>Features</summary><ol>");
        foreach (var (feature, index) in report.Features.Select((f, i) => (f, i)))
            html.Append("<li><a href=\"#feature-").Append(index).Append("\">").Append(E(feature.Name)).Append("</a> <span class=\"count\">")
                .Append(feature.Scenarios.Count(s => s.Status == "PASSED")).Append('/').Append(feature.Scenarios.Count).Append("</span></li>");
        return html.Append("</ol></details></nav>").ToString();
    }

    private static string Summary(RunReport report)
    {
        var statuses = report.Scenarios.Select(s => s.Status).Distinct().Order();
        var text = new StringBuilder("<nav class=\"summary\"><button class=\"filter active\" data-status=\"ALL\">all ")
            .Append(report.Scenarios.Count()).Append("</button>");
        foreach (var status in statuses)
            text.Append("<button class=\"filter ").Append(Css(status)).Append("\" data-status=\"").Append(E(status)).Append("\">")
                .Append(E(status.ToLowerInvariant())).Append(' ').Append(report.Count(status)).Append("</button>");
        return text.Append("</nav>").ToString();
    }

    private static string Scenario(ScenarioReport scenario, string? baselineMark)
    {
        var html = new StringBuilder();
        var mark = baselineMark is null ? "" : $"<span class=\"baseline {E(baselineMark)}\">{E(baselineMark switch { "known" => "known divergence", "new" => "new: not in the baseline", _ => "fixed: the baseline accepted a divergence" })}</span> ";
        html.Append("<article class=\"scenario ").Append(Css(scenario.Status)).Append("\" data-status=\"").Append(E(scenario.Status)).Append("\">")
            .Append("<h3><span class=\"badge\">").Append(E(scenario.Status)).Append("</span> ").Append(mark).Append(E(scenario.Name)).Append("</h3>")
            .Append("<p>").Append(TagList(scenario.Tags)).Append("</p><ol class=\"steps\">");
        foreach (var step in scenario.Steps)
        {
            html.Append("<li class=\"").Append(Css(step.Status)).Append("\"><span class=\"status\">").Append(E(step.Status.ToLowerInvariant()))
                .Append("</span> ").Append(E(step.Text));
            if (!string.IsNullOrEmpty(step.Message)) html.Append("<pre class=\"message\">").Append(E(step.Message)).Append("</pre>").Append(Comparison(step.Message));
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (scenario.Timeline.Count > 0) html.Append(TimelineHtml.Render(scenario.Timeline));
        return html.Append("</article>").ToString();
    }

    [GeneratedRegex(@"^\s*expected: (?<expected>.*)\n\s*observed: (?<observed>.*)$", RegexOptions.Multiline)]
    private static partial Regex ExpectedObserved();

    /// <summary>Expected and observed values of a failed check side by side, the part that differs marked.</summary>
    private static string Comparison(string message)
    {
        var match = ExpectedObserved().Match(message);
        if (!match.Success) return "";
        var expected = match.Groups["expected"].Value;
        var observed = match.Groups["observed"].Value;
        var prefix = 0;
        while (prefix < expected.Length && prefix < observed.Length && expected[prefix] == observed[prefix]) prefix++;
        var suffix = 0;
        while (suffix < expected.Length - prefix && suffix < observed.Length - prefix && expected[^(suffix + 1)] == observed[^(suffix + 1)]) suffix++;
        string Marked(string text) =>
            E(text[..prefix]) + "<mark>" + E(text[prefix..(text.Length - suffix)]) + "</mark>" + E(text[(text.Length - suffix)..]);
        return "<div class=\"comparison\"><div class=\"expected\"><h4>expected</h4><code>" + Marked(expected)
            + "</code></div><div class=\"observed\"><h4>observed</h4><code>" + Marked(observed) + "</code></div></div>";
    }

    private static string TagList(IEnumerable<string> tags) =>
        string.Concat(tags.Select(t => $"<span class=\"tag\">{E(t)}</span>"));

    /// <summary>The description as paragraphs, with https links made clickable.</summary>
    private static string Description(string description)
    {
        var paragraphs = description.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(paragraphs.Select(p =>
            "<p>" + Url().Replace(E(p.Trim()), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>") + "</p>"));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Css(string status) => "s-" + status.ToLowerInvariant().Replace(' ', '-');

    private const string Styles = """
        .baseline { font-size: .75em; padding: .1em .4em; border-radius: .3em; border: 1px solid; }
        .baseline.known { color: #555; } .baseline.new { color: #b00020; font-weight: bold; } .baseline.fixed { color: #1b7a1b; font-weight: bold; }
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header{background:#232f3e;color:#fff;padding:1rem 2rem}header h1{margin:0 0 .5rem;font-size:1.4rem}
        main{padding:1rem 2rem;max-width:70rem}
        .filter{border:0;border-radius:1rem;padding:.3rem .8rem;margin-right:.4rem;cursor:pointer;background:#eee}
        .filter.active{outline:2px solid #ff9900}
        .feature{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem 1.5rem;margin:1rem 0}
        .uri{color:#666;font-size:.85rem}.tag{background:#eef;border-radius:.3rem;padding:0 .3rem;margin-right:.3rem;font-size:.8rem}
        .scenario{border-left:4px solid #ccc;padding:.2rem 1rem;margin:.8rem 0}.scenario h3{font-size:1rem;margin:.3rem 0}
        .badge{font-size:.7rem;padding:.1rem .4rem;border-radius:.3rem;background:#ccc;color:#fff}
        .s-passed{border-color:#2e7d32}.s-passed .badge,.filter.s-passed{background:#2e7d32;color:#fff}
        .s-failed{border-color:#c62828}.s-failed .badge,.filter.s-failed{background:#c62828;color:#fff}
        .s-unsupported{border-color:#ef6c00}.s-unsupported .badge,.filter.s-unsupported{background:#ef6c00;color:#fff}
        .s-not-applicable .badge,.filter.s-not-applicable{background:#9e9e9e;color:#fff}
        .s-undefined,.s-ambiguous,.s-pending{border-color:#ef6c00}.s-undefined .badge,.s-ambiguous .badge,.s-pending .badge{background:#ef6c00}
        .steps{list-style:none;padding-left:0}.steps li{padding:.15rem 0}.status{display:inline-block;width:6rem;color:#666;font-size:.8rem}
        li.s-failed .status{color:#c62828;font-weight:bold}li.s-skipped{color:#999}
        pre.message{background:#fff4f4;border:1px solid #f3c0c0;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
        .hidden{display:none}
        #search{margin-top:.6rem;width:24rem;max-width:90%;padding:.3rem .5rem;border-radius:.3rem;border:0}
        .contents{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.5rem 1.5rem;margin-top:1rem}.count{color:#666;font-size:.8rem}
        .tag{cursor:pointer}
        .comparison{display:flex;gap:1rem;margin:.3rem 0}.comparison>div{flex:1;background:#f7f7f7;padding:.4rem;overflow-wrap:anywhere}
        .comparison h4{margin:0 0 .2rem;font-size:.75rem;color:#666}.comparison mark{background:#ffd54f}
        """;

    private const string Script = """
        var status='ALL',search=document.getElementById('search');
        function apply(){var query=search.value.trim().toLowerCase();
          document.querySelectorAll('.scenario').forEach(function(s){
            var statusOk=status==='ALL'||s.getAttribute('data-status')===status;
            var text=(s.textContent+' '+s.closest('.feature').querySelector('.uri').textContent).toLowerCase();
            s.classList.toggle('hidden',!(statusOk&&(query===''||text.indexOf(query)>=0)));});
          document.querySelectorAll('.feature').forEach(function(f){f.classList.toggle('hidden',!f.querySelector('.scenario:not(.hidden)'))});}
        document.querySelectorAll('.filter').forEach(function(button){button.addEventListener('click',function(){
          document.querySelectorAll('.filter').forEach(function(b){b.classList.remove('active')});button.classList.add('active');
          status=button.getAttribute('data-status');apply();})});
        search.addEventListener('input',apply);
        document.querySelectorAll('.tag').forEach(function(tag){tag.addEventListener('click',function(){search.value=tag.textContent;apply();})});
        """;
}
