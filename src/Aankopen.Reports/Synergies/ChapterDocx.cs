using System.IO.Compression;
using System.Xml.Linq;

namespace Aankopen.Reports.Synergies;

/// <summary>
/// The chapter as a Word document (Office Open XML, .docx): real headings, a bulleted list and bordered tables with a
/// repeated header row, in the report's language, so that it opens in Word or LibreOffice and its parts paste into
/// the yearly report. Written with the framework's zip and XML support; only the four parts a document needs.
/// </summary>
public static class ChapterDocx
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string MimeType => ContentType;

    public static byte[] Write(IReadOnlyList<Block> blocks, bool french)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", new XDocument(new XElement(XName.Get("Types", "http://schemas.openxmlformats.org/package/2006/content-types"),
                new XElement(XName.Get("Default", "http://schemas.openxmlformats.org/package/2006/content-types"), new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
                new XElement(XName.Get("Default", "http://schemas.openxmlformats.org/package/2006/content-types"), new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
                new XElement(XName.Get("Override", "http://schemas.openxmlformats.org/package/2006/content-types"), new XAttribute("PartName", "/word/document.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
                new XElement(XName.Get("Override", "http://schemas.openxmlformats.org/package/2006/content-types"), new XAttribute("PartName", "/word/styles.xml"), new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml")))));
            Part(zip, "_rels/.rels", Relationships(("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml")));
            Part(zip, "word/_rels/document.xml.rels", Relationships(("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")));
            Part(zip, "word/styles.xml", Styles(french ? "fr-BE" : "nl-BE"));
            Part(zip, "word/document.xml", new XDocument(new XElement(W + "document", new XAttribute(XNamespace.Xmlns + "w", W),
                new XElement(W + "body", blocks.SelectMany(Render), new XElement(W + "sectPr",
                    new XElement(W + "pgSz", new XAttribute(W + "w", 11906), new XAttribute(W + "h", 16838)),
                    new XElement(W + "pgMar", new XAttribute(W + "top", 1134), new XAttribute(W + "right", 1134), new XAttribute(W + "bottom", 1134), new XAttribute(W + "left", 1134)))))));
        }
        return buffer.ToArray();
    }

    private static IEnumerable<XElement> Render(Block block) => block switch
    {
        Heading h => [Para(h.Text, style: $"Heading{h.Level}")],
        Paragraph p => [Para(p.Text)],
        Bullets b => b.Items.Select(i => Para("• " + i, indent: true)),
        Table t => [TableOf(t), Para("")],
        _ => [],
    };

    private static XElement Para(string text, string? style = null, bool bold = false, bool right = false, bool indent = false) =>
        new(W + "p",
            new XElement(W + "pPr",
                style is null ? null : new XElement(W + "pStyle", new XAttribute(W + "val", style)),
                indent ? new XElement(W + "ind", new XAttribute(W + "left", 360), new XAttribute(W + "hanging", 240)) : null,
                right ? new XElement(W + "jc", new XAttribute(W + "val", "right")) : null),
            new XElement(W + "r",
                bold ? new XElement(W + "rPr", new XElement(W + "b")) : null,
                new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), Printable(text))));

    /// <summary>
    /// The input refuses characters XML cannot hold, but a title stored before it did must not make the document fail
    /// for every reader: each such character becomes U+FFFD.
    /// </summary>
    public static string Printable(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar))
            return text;
        var printable = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
            if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                printable.Append(text, i++, 2);
            else
                printable.Append(System.Xml.XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        return printable.ToString();
    }

    private static XElement TableOf(Table t)
    {
        XElement Row(IReadOnlyList<string> cells, bool header) => new(W + "tr",
            header ? new XElement(W + "trPr", new XElement(W + "tblHeader")) : null,
            cells.Select((c, i) => new XElement(W + "tc", Para(c, bold: header, right: i < t.Numeric.Count && t.Numeric[i]))));
        // The grid is required before the rows (ECMA-376 part 1, 17.4.49): without it Word offers to repair the file.
        // Columns share an A4 page's text width (9,638 twentieths of a point with 2 cm margins); Word fits them to content.
        var columns = Math.Max(t.Header.Count, t.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        return new XElement(W + "tbl",
            new XElement(W + "tblPr", new XElement(W + "tblStyle", new XAttribute(W + "val", "TableGrid")),
                new XElement(W + "tblW", new XAttribute(W + "w", 0), new XAttribute(W + "type", "auto"))),
            new XElement(W + "tblGrid", Enumerable.Range(0, columns).Select(_ => new XElement(W + "gridCol", new XAttribute(W + "w", 9638 / Math.Max(columns, 1))))),
            Row(t.Header, header: true), t.Rows.Select(r => Row(r, header: false)));
    }

    private static XDocument Styles(string language)
    {
        XElement Style(string id, string name, int size, bool bold, int? outline) => new(W + "style", new XAttribute(W + "type", "paragraph"), new XAttribute(W + "styleId", id),
            new XElement(W + "name", new XAttribute(W + "val", name)), new XElement(W + "basedOn", new XAttribute(W + "val", "Normal")),
            new XElement(W + "pPr", new XElement(W + "spacing", new XAttribute(W + "before", 240), new XAttribute(W + "after", 120)),
                outline is { } level ? new XElement(W + "outlineLvl", new XAttribute(W + "val", level)) : null),
            new XElement(W + "rPr", bold ? new XElement(W + "b") : null, new XElement(W + "sz", new XAttribute(W + "val", size))));
        Func<string, XElement> border = side => new XElement(W + side, new XAttribute(W + "val", "single"), new XAttribute(W + "sz", 4), new XAttribute(W + "color", "888888"));
        return new XDocument(new XElement(W + "styles", new XAttribute(XNamespace.Xmlns + "w", W),
            new XElement(W + "docDefaults", new XElement(W + "rPrDefault", new XElement(W + "rPr",
                new XElement(W + "rFonts", new XAttribute(W + "ascii", "Calibri"), new XAttribute(W + "hAnsi", "Calibri")),
                new XElement(W + "sz", new XAttribute(W + "val", 22)), new XElement(W + "lang", new XAttribute(W + "val", language))))),
            new XElement(W + "style", new XAttribute(W + "type", "paragraph"), new XAttribute(W + "default", 1), new XAttribute(W + "styleId", "Normal"),
                new XElement(W + "name", new XAttribute(W + "val", "Normal")), new XElement(W + "pPr", new XElement(W + "spacing", new XAttribute(W + "after", 80)))),
            Style("Heading1", "heading 1", 32, true, 0),
            Style("Heading2", "heading 2", 26, true, 1),
            TableGrid(border)));
    }

    private static XElement TableGrid(Func<string, XElement> border)
    {
        var margins = new XElement(W + "tblCellMar",
            new XElement(W + "left", new XAttribute(W + "w", 80), new XAttribute(W + "type", "dxa")),
            new XElement(W + "right", new XAttribute(W + "w", 80), new XAttribute(W + "type", "dxa")));
        var borders = new XElement(W + "tblBorders", border("top"), border("left"), border("bottom"), border("right"), border("insideH"), border("insideV"));
        return new XElement(W + "style", new XAttribute(W + "type", "table"), new XAttribute(W + "styleId", "TableGrid"),
            new XElement(W + "name", new XAttribute(W + "val", "Table Grid")), new XElement(W + "tblPr", borders, margins));
    }

    private static XDocument Relationships(params (string Id, string Type, string Target)[] relationships)
    {
        XNamespace r = "http://schemas.openxmlformats.org/package/2006/relationships";
        return new XDocument(new XElement(r + "Relationships", relationships.Select(x =>
            new XElement(r + "Relationship", new XAttribute("Id", x.Id), new XAttribute("Type", x.Type), new XAttribute("Target", x.Target)))));
    }

    private static void Part(ZipArchive zip, string name, XDocument xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        xml.Save(stream, SaveOptions.DisableFormatting);
    }
}
