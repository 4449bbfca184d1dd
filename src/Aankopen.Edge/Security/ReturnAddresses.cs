using System.Text;

namespace Aankopen.Edge.Security;

/// <summary>
/// Where a person is sent back to after signing in, switching language or signing out: a page of this site, never
/// another. Browsers read <c>//host</c> and <c>/\host</c> as another site, and resolve <c>.</c> and <c>..</c> segments,
/// so only a path that starts with exactly one slash and, read with its escapes undone, has no empty, <c>.</c> or
/// <c>..</c> segment, no backslash and no control character survives; anything else becomes the overview. What
/// survives leaves in ASCII (other characters escaped), since a Location header holds nothing else.
/// </summary>
public static class ReturnAddresses
{
    public const string Overview = "/";

    public static string Local(string? address)
    {
        if (address is not { Length: > 0 and <= 2000 } || address[0] != '/' || address.Any(char.IsControl))
            return Overview;
        var query = address.IndexOfAny(['?', '#']);
        var path = Unescaped(query < 0 ? address : address[..query]);
        if (path is null || path.Contains('\\') || path.Any(char.IsControl))
            return Overview;
        var segments = path.Split('/')[1..];
        // An empty segment only at the end ("/tenders/"); anywhere else it makes "//".
        if (segments.Any(s => s is "." or "..") || segments[..^1].Any(s => s.Length == 0))
            return Overview;
        return Ascii(address);
    }

    /// <summary>The address of the page a request asked for, if it may be returned to.</summary>
    public static string Of(HttpRequest request) => Local(request.PathBase + request.Path + request.QueryString);

    private static string? Unescaped(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static string Ascii(string address)
    {
        if (address.All(c => c is > ' ' and < (char)127))
            return address;
        var escaped = new StringBuilder(address.Length * 3);
        foreach (var rune in address.EnumerateRunes())
            if (rune.Value is > ' ' and < 127)
                escaped.Append((char)rune.Value);
            else
                foreach (var b in Encoding.UTF8.GetBytes(rune.ToString()))
                    escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        return escaped.ToString();
    }
}
