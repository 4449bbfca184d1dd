namespace Aankopen.Api.Shared.Http;

/// <summary>
/// Who performs a write, recorded on every event. Until authentication arrives this is the X-Aankopen-Actor header
/// (a user name or e-mail address); an authenticated user's name takes precedence once there is one.
/// </summary>
public static class Actor
{
    public const string Header = "X-Aankopen-Actor";

    public static (string? Name, IResult? Problem) Read(HttpContext http)
    {
        var name = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : http.Request.Headers[Header].ToString().Trim();
        if (!string.IsNullOrEmpty(name) && name.Length <= 200)
            return (name, null);
        return (null, Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "actor-required",
            $"Zeg wie deze wijziging doet in de header {Header} (hoogstens 200 tekens): elke wijziging wordt op naam bewaard.",
            $"Indiquez qui effectue cette modification dans l'en-tête {Header} (200 caractères au plus) : chaque modification est enregistrée nominativement."));
    }
}
