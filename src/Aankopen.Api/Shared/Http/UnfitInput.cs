using System.Text.Json;

namespace Aankopen.Api.Shared.Http;

/// <summary>
/// Screens every request for characters no field takes (<see cref="PlainText"/>) before anything reads it: a query
/// parameter or a path segment is refused with 400 naming it, a text anywhere in a JSON body with 422 naming its
/// field (<c>lots[0].title</c>). Placed after sign-in, so a stranger still learns only that they are not signed in.
/// </summary>
public static class UnfitInput
{
    public static IApplicationBuilder UseUnfitInputRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var inAddress = InAddress(http).Distinct().ToArray();
        if (inAddress.Length > 0)
        {
            await RefuseAsync(http, inAddress, StatusCodes.Status400BadRequest);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api") && BufferedBodies.HasJsonBody(http.Request)
            && InBody(await BufferedBodies.ReadAsync(http)) is { Count: > 0 } inBody)
        {
            await RefuseAsync(http, inBody, StatusCodes.Status422UnprocessableEntity);
            return;
        }
        await next(http);
    });

    private static IEnumerable<string> InAddress(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
            if (PlainText.IsUnfit(name) || values.Any(v => v is not null && PlainText.IsUnfit(v)))
                yield return PlainText.IsUnfit(name) ? "query" : name;
        foreach (var (name, value) in http.Request.RouteValues)
            if (value is string text && PlainText.IsUnfit(text))
                yield return name;
    }

    /// <summary>The paths of the body's unfit texts; none for a body that is not JSON (binding refuses it as usual).</summary>
    public static IReadOnlyList<string> InBody(byte[] body)
    {
        var unfit = new List<string>();
        if (!MayHoldUnfit(body))
            return unfit;
        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement, "", "", unfit);
        }
        catch (JsonException)
        {
        }
        return unfit;
    }

    /// <summary>
    /// Whether the body can hold an unfit text at all, without parsing it: in valid JSON such a character is either
    /// escaped (a backslash), or a C1 control (UTF-8 C2 80 to C2 9F), or U+FFFE/U+FFFF (EF BF BE, EF BF BF); a raw
    /// control character inside a string is no JSON, which binding refuses anyway. Most bodies have none of these.
    /// </summary>
    public static bool MayHoldUnfit(ReadOnlySpan<byte> body)
    {
        if (body.Contains((byte)'\\'))
            return true;
        for (var at = body.IndexOfAny((byte)0xC2, (byte)0xEF); at >= 0 && at + 1 < body.Length; )
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
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Name, unfit);
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

    /// <summary>A string escaped as half a surrogate pair cannot even be read as text.</summary>
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

    private static async Task RefuseAsync(HttpContext http, IReadOnlyList<string> fields, int status)
    {
        if (Security.SignIn.UsesBearer(http))
        {
            await Problems.From(http, [.. fields.Select(PlainText.Refusal)], status).ExecuteAsync(http);
            return;
        }
        var french = Problems.PrefersFrench(http) || http.Request.Cookies[Web.Language.CookieName] == "fr";
        await Results.Content(Web.Language.RefusalPage(status, french), "text/html; charset=utf-8", statusCode: status).ExecuteAsync(http);
    }
}
