namespace Aankopen.Api.Shared.Security;

/// <summary>
/// Where a person is sent back to after signing in, switching language or signing out: a page of this site, never
/// another. Browsers read <c>//host</c> and <c>/\host</c> as another site, so only a path that starts with exactly one
/// slash, has no backslash and no control character survives; anything else becomes the overview.
/// </summary>
public static class ReturnAddresses
{
    public const string Overview = "/";

    public static string Local(string? address) =>
        address is { Length: > 0 and <= 2000 } a && a[0] == '/' && (a.Length == 1 || a[1] != '/')
        && !a.Contains('\\') && !a.Any(char.IsControl)
            ? a
            : Overview;

    /// <summary>The address of the page a request asked for, if it may be returned to.</summary>
    public static string Of(HttpRequest request) => Local(request.PathBase + request.Path + request.QueryString);
}
