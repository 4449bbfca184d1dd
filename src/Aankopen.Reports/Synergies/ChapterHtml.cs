using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Aankopen.Reports.Synergies;

/// <summary>
/// The chapter as plain semantic HTML: headings, paragraphs, lists and bordered tables, no classes a word processor
/// would not know, so that it reads on the page and pastes into the report as it is.
/// </summary>
public static class ChapterHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Fragment(IReadOnlyList<Block> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks)
            switch (block)
            {
                case Heading h:
                    html.Append(CultureInfo.InvariantCulture, $"<h{h.Level + 1}>{Html.Encode(h.Text)}</h{h.Level + 1}>\n");
                    break;
                case Paragraph p:
                    html.Append(CultureInfo.InvariantCulture, $"<p>{Html.Encode(p.Text)}</p>\n");
                    break;
                case Bullets b:
                    html.Append("<ul>").Append(string.Concat(b.Items.Select(i => $"<li>{Html.Encode(i)}</li>"))).Append("</ul>\n");
                    break;
                case Table t:
                    html.Append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>");
                    for (var i = 0; i < t.Header.Count; i++)
                        html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{Align(t, i)}>{Html.Encode(t.Header[i])}</th>");
                    html.Append("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var i = 0; i < row.Count; i++)
                            html.Append(CultureInfo.InvariantCulture, $"<td{Align(t, i)}>{Html.Encode(row[i])}</td>");
                        html.Append("</tr>");
                    }
                    html.Append("</tbody></table>\n");
                    break;
            }
        return html.ToString();
    }

    /// <summary>A file of its own: opens in any browser and in word processors, and pastes cleanly.</summary>
    public static string Document(IReadOnlyList<Block> blocks, bool french) =>
        $"""
        <!DOCTYPE html>
        <html lang="{(french ? "fr" : "nl")}"><head><meta charset="utf-8"><title>{Html.Encode(blocks.OfType<Heading>().FirstOrDefault()?.Text ?? "")}</title>
        <style>body{"{"}font-family:Calibri,Arial,sans-serif;font-size:11pt;max-width:60rem{"}"}table{"{"}border-collapse:collapse;margin:.5em 0 1em{"}"}th,td{"{"}border:1px solid #888;padding:3px 6px;vertical-align:top{"}"}th{"{"}background:#eee{"}"}</style>
        </head><body>
        {Fragment(blocks)}</body></html>
        """;

    private static string Align(Table t, int column) => column < t.Numeric.Count && t.Numeric[column] ? " align=\"right\"" : "";
}
