using System.Globalization;
using System.Net;
using System.Text;
using Conformance.Reporting.Model;

namespace Conformance.Reporting.Html;

/// <summary>A scenario's invocation timeline in the HTML report: the attempts on a time axis, and each event and response.</summary>
internal static class TimelineHtml
{
    /// <summary>
    /// The invocations drawn on a time axis (inline SVG): a dot per attempt, green for success and red for
    /// a function error, with the gap to the previous attempt written above it; each event is listed below.
    /// </summary>
    public static string Render(IReadOnlyList<TimelinePoint> points)
    {
        const int width = 640, left = 30, right = 30, axis = 40;
        var span = Math.Max(points[^1].Seconds, 1);
        double X(double seconds) => left + (width - left - right) * seconds / span;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {width} 70\" width=\"{width}\" height=\"70\" role=\"img\" aria-label=\"invocation timeline\">")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{axis}\" x2=\"{width - right}\" y2=\"{axis}\" stroke=\"#999\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var x = X(point.Seconds);
            var colour = point.Outcome == "Succeeded" ? "#2e7d32" : "#c62828";
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"attempt\" cx=\"{x:0.#}\" cy=\"{axis}\" r=\"6\" fill=\"{colour}\"><title>{E($"#{i + 1} at +{point.Seconds:0.###} s: {point.Outcome} ({point.RequestId})")}</title></circle>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{axis + 22}\" font-size=\"10\" text-anchor=\"middle\">{E(Seconds(point.Seconds))}</text>");
            if (i > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(X(points[i - 1].Seconds) + x) / 2:0.#}\" y=\"{axis - 12}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">+{E(Seconds(point.Seconds - points[i - 1].Seconds))}</text>");
        }
        svg.Append("</svg>");
        var events = new StringBuilder("<details class=\"events\"><summary>events and responses</summary><ol>");
        foreach (var point in points)
        {
            events.Append("<li><details><summary>event</summary><pre>").Append(E(Pretty(point.Event))).Append("</pre></details>");
            if (point.Response is not null) events.Append("<details><summary>response</summary><pre>").Append(E(Pretty(point.Response))).Append("</pre></details>");
            events.Append("</li>");
        }
        return svg.Append(events).Append("</ol></details>").ToString();
    }

    // Characters stay as they are (the text is HTML-encoded afterwards), so markup in an event reads as written.
    private static readonly System.Text.Json.JsonSerializerOptions PrettyJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>JSON indented for reading; anything else (a shortened payload) as it is.</summary>
    private static string Pretty(string text)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text)?.ToJsonString(PrettyJson) ?? text;
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }

    private static string Seconds(double seconds) => seconds switch
    {
        >= 3600 => $"{seconds / 3600:0.#} h",
        >= 60 => $"{seconds / 60:0.#} min",
        _ => $"{seconds:0.###} s",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
