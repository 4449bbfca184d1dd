using Aankopen.Domain;
namespace Aankopen.Edge.Http;

/// <summary>
/// What a person or a program types ends up in PostgreSQL (which holds no NUL), in Word documents (XML 1.0 holds no
/// control character but tab and line breaks, and no U+FFFE, U+FFFF or half a surrogate pair) and in CSV files. Such
/// characters are never meant, so they are refused where they come in, each at its field, rather than stored for
/// every later reader to trip over. Line breaks and tabs are text only in the few fields written as paragraphs.
/// </summary>
public static class PlainText
{
    /// <summary>The fields (JSON property names) that may hold several lines: reasons and justifications.</summary>
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal) { "reason", "longerDurationJustification" };

    public static bool IsParagraph(string field) => Paragraphs.Contains(field);

    /// <summary>Whether <paramref name="value"/> holds a character that no field of this service takes.</summary>
    public static bool IsUnfit(string value, bool paragraph = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'
                     || (char.IsControl(c) && !(paragraph && c is '\t' or '\n' or '\r')))
                return true;
        }
        return false;
    }

    public static DomainError Refusal(string field) =>
        IsParagraph(field)
            ? DomainError.Invalid("control-character/paragraph", field, field)
            : DomainError.Invalid("control-character", field, field);
}
