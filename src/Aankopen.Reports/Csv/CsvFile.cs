using System.Globalization;
using System.Text;

namespace Aankopen.Reports.Csv;

/// <summary>
/// CSV as a Belgian spreadsheet opens it without an import wizard: UTF-8 with a byte-order mark (accents survive),
/// semicolons between fields and a decimal comma (the list and decimal separators of nl-BE and fr-BE), amounts
/// without thousands separators, dates as yyyy-MM-dd. Fields are quoted per RFC 4180 where they need it, and a
/// field that a spreadsheet would run as a formula is prefixed with an apostrophe.
/// </summary>
public sealed class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StringBuilder text = new();

    public CsvFile Row(params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                text.Append(';');
            text.Append(Field(fields[i]));
        }
        text.Append("\r\n");
        return this;
    }

    public static string Field(object? value) => value switch
    {
        null => "",
        decimal amount => amount.ToString("0.00##", CultureInfo.GetCultureInfo("nl-BE")),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Quoted(value.ToString() ?? ""),
    };

    private static string Quoted(string s)
    {
        // Text starting like a formula (=, +, -, @) would be evaluated by the spreadsheet: keep it text.
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            s = "'" + s;
        return s.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
    }

    /// <summary>The file's bytes: UTF-8 with its byte order mark, which spreadsheet programs need to read it as UTF-8.</summary>
    public byte[] Bytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
