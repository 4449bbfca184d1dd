namespace Aankopen.Api.Shared.Security;

/// <summary>
/// Headers that keep browsers from misreading or framing what the API sends. The API reference page (/scalar) loads
/// its own scripts and styles, so it gets no content security policy; every other answer is JSON and may load nothing.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!http.Request.Path.StartsWithSegments("/scalar"))
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        await next(http);
    });
}
