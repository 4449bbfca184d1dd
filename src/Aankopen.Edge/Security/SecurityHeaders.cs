namespace Aankopen.Edge.Security;

/// <summary>
/// Headers that keep browsers from misreading or framing what the service sends. The API reference page (/scalar)
/// loads its own scripts and styles, so it gets no content security policy; the API's JSON may load nothing; the
/// pages load their own style sheet and nothing else, and their forms post only here (or, signing out, to the
/// identity provider). No answer may be kept by a browser or a proxy (<c>Cache-Control: no-store</c>): figures,
/// reports and exports are read again, by whoever may read them, each time; only the style sheet and the API
/// reference's scripts say otherwise. (What Kestrel refuses before any middleware, a malformed request line or a NUL
/// in the path, gets a bare 400 without these headers.)
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var authority = app.ApplicationServices.GetRequiredService<AuthenticationSettings>().Authority;
        var pages = $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'self'; "
            + $"form-action 'self' {authority.Scheme}://{authority.Authority}; frame-ancestors 'none'";
        return app.Use((http, next) => Apply(http, next, pages));
    }

    /// <summary>Set as the answer starts, so that an answer made by the exception handler (which clears headers) has them too.</summary>
    private static Task Apply(HttpContext http, RequestDelegate next, string pages)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // The style sheet and the API reference's own scripts hold no data and may be kept.
            if (!http.Request.Path.StartsWithSegments("/css") && !http.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.CacheControl = "no-store";
                headers.Remove("Pragma");
                headers.Remove("Expires");
            }
            if (SignIn.UsesBearer(http) || http.Request.Path.StartsWithSegments("/openapi"))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            else if (!http.Request.Path.StartsWithSegments("/scalar"))
                headers.ContentSecurityPolicy = pages;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
