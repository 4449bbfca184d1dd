namespace Aankopen.Edge.Http;

/// <summary>
/// <c>Prefer: return=minimal</c> (RFC 7240) on a write: the client needs only to know that it succeeded and the new
/// version, not the whole changed resource. The answer is then 204 No Content with the ETag, and says
/// <c>Preference-Applied: return=minimal</c>. Without it, a write answers with the resource as before. A program
/// that keeps its own copy (a finance integration, a bulk import) saves building, redacting and sending the view.
/// </summary>
public static class ReturnPreference
{
    public const string Minimal = "return=minimal";

    /// <summary>For the API description of every write that honours it.</summary>
    public const string Note = " With Prefer: return=minimal the answer is 204 No Content with the ETag only.";

    public static bool WantsMinimal(HttpContext http)
    {
        foreach (var value in http.Request.Headers["Prefer"])
            foreach (var preference in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                // A preference may carry parameters after ';'; its name and value compare without regard to case.
                if (preference.Split(';', 2)[0].Replace(" ", "", StringComparison.Ordinal).Equals(Minimal, StringComparison.OrdinalIgnoreCase))
                    return true;
        return false;
    }

    /// <summary>The view, or nothing when the client asked for a minimal answer. The ETag is set either way.</summary>
    public static IResult Answer(HttpContext http, Func<object> view)
    {
        if (!WantsMinimal(http))
            return TypedResults.Ok(view());
        http.Response.Headers["Preference-Applied"] = Minimal;
        return TypedResults.NoContent();
    }
}
