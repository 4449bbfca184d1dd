namespace Aankopen.Reports.Synergies;

/// <summary>A document as headings, paragraphs, bullet lists and tables: what a report chapter is made of, and all
/// that both the HTML and the Word rendering need to know.</summary>
public abstract record Block;

public sealed record Heading(int Level, string Text) : Block;

public sealed record Paragraph(string Text) : Block;

public sealed record Bullets(IReadOnlyList<string> Items) : Block;

/// <param name="Numeric">Per column: right-aligned figures.</param>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric) : Block;
