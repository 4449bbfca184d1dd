namespace Aankopen.Edge.Http;

/// <summary>
/// Who performs a write, recorded on every event: the signed-in user's name from the bearer token
/// (<c>Authentication:NameClaim</c>, default preferred_username). Every write endpoint requires a signed-in user, so
/// a missing name means the identity provider does not send that claim.
/// </summary>
public static class Actor
{
    public static (string? Name, IResult? Problem) Read(HttpContext http)
    {
        var name = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name?.Trim() : null;
        if (!string.IsNullOrEmpty(name) && name.Length <= 200)
            return (name, null);
        return (null, Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "actor-required"));
    }
}
