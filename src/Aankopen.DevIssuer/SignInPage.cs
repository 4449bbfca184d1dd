using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Aankopen.DevIssuer;

/// <summary>The development issuer's sign-in page: pick who you are for the demo. Dutch and French side by side.</summary>
public static class SignInPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string[] Carried = ["client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "response_type", "scope"];

    public static IResult Show(IQueryCollection query, IReadOnlyList<Persona> personas)
    {
        var hidden = string.Concat(Carried.Where(query.ContainsKey).Select(k => $"""<input type="hidden" name="{k}" value="{Html.Encode(query[k].ToString())}">"""));
        var choices = string.Concat(personas.Select(p =>
            $"""<li><button type="submit" name="persona" value="{Html.Encode(p.User)}">{Html.Encode(p.LabelNl)} / {Html.Encode(p.LabelFr)}</button> <small>{Html.Encode(p.User)}</small></li>"""));
        var page = $"""
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Aanmelden / Connexion</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem{"}"}li{"{"}margin:.5rem 0;list-style:none{"}"}button{"{"}font-size:1rem;padding:.5rem 1rem;cursor:pointer{"}"}</style></head>
            <body><main>
            <h1>Aanmelden <span lang="fr">/ Connexion</span></h1>
            <p>Ontwikkelingsuitgever: kies wie u bent. <span lang="fr">Émetteur de développement : choisissez qui vous êtes.</span></p>
            <form method="post" action="/authorize">{hidden}<ul>{choices}</ul></form>
            </main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
    }
}
