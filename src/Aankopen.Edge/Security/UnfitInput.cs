using System.Text.Json;
using Aankopen.Edge.Http;

namespace Aankopen.Edge.Security;

/// <summary>
/// Screens every request for characters no field takes (<see cref="PlainText"/>) before anything reads it: a query
/// parameter or a path segment is refused with 400 naming it, a text anywhere in a JSON body with 422 naming its
/// field (<c>lots[0].title</c>). The body is screened as the endpoint will read it: JSON in UTF-8 (a byte-order mark
/// is skipped, as the endpoint skips it); another charset is refused (415), and a body the screen cannot read is
/// refused as unreadable rather than passed on. Placed after sign-in, so a stranger still learns only that they are
/// not signed in, and before the write limit, so a refused body costs no write.
/// </summary>
public static class UnfitInput
{
    public static IApplicationBuilder UseUnfitInputRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (await RefusalAsync(http) is { } refusal)
            await refusal.ExecuteAsync(http);
        else
            await next(http);
    });

    /// <summary>Why the request is refused before anything reads it; null when nothing in it is unfit.</summary>
    private static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        // Only what an endpoint will read: an address nothing answers is "not found" as it is.
        if (http.GetEndpoint() is null)
            return null;
        if (InAddress(http).Distinct().ToArray() is { Length: > 0 } inAddress)
            return Refusal(http, inAddress, StatusCodes.Status400BadRequest);
        if (!http.Request.Path.StartsWithSegments("/api") || !BufferedBodies.HasJsonBody(http.Request))
            return null;
        if (!BufferedBodies.IsUtf8(http.Request))
            return Problems.Single(http, StatusCodes.Status415UnsupportedMediaType, "charset-unsupported");
        var (fields, unreadable) = InBody(await BufferedBodies.ReadAsync(http));
        if (unreadable is not null)
            return BadRequestProblems.Unreadable(http, unreadable);
        return fields.Count > 0 ? Refusal(http, fields, StatusCodes.Status422UnprocessableEntity) : null;
    }

    private static IEnumerable<string> InAddress(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
            if (PlainText.IsUnfit(name))
                yield return "query";
            else if (values.Any(v => v is not null && PlainText.IsUnfit(v)))
                yield return name;
        foreach (var (name, value) in http.Request.RouteValues)
            if (value is string text && PlainText.IsUnfit(text))
                yield return name;
    }

    /// <summary>
    /// The paths of the body's unfit texts (a property name counts too), or why the body cannot be read as JSON at all.
    /// </summary>
    public static (IReadOnlyList<string> Fields, string? Unreadable) InBody(ReadOnlyMemory<byte> body)
    {
        var unfit = new List<string>();
        if (body.Span.StartsWith(Utf8Mark))
            body = body[Utf8Mark.Length..];
        if (body.IsEmpty || !MayHoldUnfit(body.Span))
            return (unfit, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement, "", "", unfit);
            return (unfit, null);
        }
        catch (JsonException e)
        {
            return (unfit, e.Message);
        }
    }

    private static ReadOnlySpan<byte> Utf8Mark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Whether the body can hold an unfit text at all, without parsing it: in valid JSON such a character is either
    /// escaped (a backslash), or a C1 control (UTF-8 C2 80 to C2 9F), or U+FFFE/U+FFFF (EF BF BE, EF BF BF); a raw
    /// control character inside a string is no JSON, which binding refuses anyway. Most bodies have none of these.
    /// </summary>
    public static bool MayHoldUnfit(ReadOnlySpan<byte> body)
    {
        if (body.Contains((byte)'\\'))
            return true;
        for (var at = body.IndexOfAny((byte)0xC2, (byte)0xEF); at >= 0 && at + 1 < body.Length;)
        {
            if ((body[at] == 0xC2 && body[at + 1] is >= 0x80 and <= 0x9F)
                || (body[at] == 0xEF && at + 2 < body.Length && body[at + 1] == 0xBF && body[at + 2] is 0xBE or 0xBF))
                return true;
            var next = body[(at + 1)..].IndexOfAny((byte)0xC2, (byte)0xEF);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static void Walk(JsonElement element, string path, string name, List<string> unfit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(property, out var key) || PlainText.IsUnfit(key))
                    {
                        unfit.Add(path.Length == 0 ? "body" : path);
                        continue;
                    }
                    Walk(property.Value, path.Length == 0 ? key : $"{path}.{key}", key, unfit);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{path}[{index++}]", name, unfit);
                break;
            case JsonValueKind.String:
                if (!Readable(element, out var text) || PlainText.IsUnfit(text, PlainText.IsParagraph(name)))
                    unfit.Add(path.Length == 0 ? "body" : path);
                break;
        }
    }

    /// <summary>A string (or a name) escaped as half a surrogate pair, or of invalid UTF-8, cannot even be read as text.</summary>
    private static bool Readable(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static bool Readable(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static IResult Refusal(HttpContext http, IReadOnlyList<string> fields, int status) =>
        SignIn.UsesBearer(http)
            ? Problems.From(http, [.. fields.Select(PlainText.Refusal)], status)
            : RefusalPages.Refusal(http, status);
}
