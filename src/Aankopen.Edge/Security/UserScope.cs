using System.Security.Claims;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Edge.Security;

/// <summary>
/// What the signed-in user may see and do, from the roles and administrations in their token. Every check of the
/// form "for which administrations" asks this, so that the rule lives in one place.
/// </summary>
public sealed class UserScope(ClaimsPrincipal user, string administrationClaim, string tenantClaim)
{
    /// <summary>The user's municipality group: the token's tenant claim, or the default tenant when it has none.</summary>
    public string Tenant { get; } = user.FindFirst(tenantClaim)?.Value is { Length: > 0 } tenant ? tenant : Edge.Tenancy.Tenants.Default;

    private readonly HashSet<string> administrations = user.FindAll(administrationClaim)
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(code => code.ToUpperInvariant()).ToHashSet();

    public string? Name => user.Identity?.Name;

    internal bool IsOf(ClaimsPrincipal principal) => ReferenceEquals(user, principal);

    public bool IsPurchasingCell => user.IsInRole(Access.Roles.PurchasingCell);

    /// <summary>The purchasing cell and auditors read every administration's figures.</summary>
    public bool SeesAll => IsPurchasingCell || user.IsInRole(Access.Roles.Auditor);

    public IReadOnlySet<string> Administrations => administrations;

    /// <summary>Opting in, withdrawing, declining a renewal: only an administration's own users, never the cell for it.</summary>
    public bool ActsFor(string administration) =>
        user.IsInRole(Access.Roles.AdministrationUser) && administrations.Contains(administration.ToUpperInvariant());

    /// <summary>An administration's own figures: the cell and auditors, and that administration's users.</summary>
    public bool ReadsFiguresOf(string administration) => SeesAll || ActsFor(administration);

    /// <summary>Delivery status: as <see cref="ReadsFiguresOf"/>, and the administration's finance integration.</summary>
    public bool ReadsDeliveriesOf(string administration) =>
        ReadsFiguresOf(administration)
        || (user.IsInRole(Access.Roles.FinanceIntegration) && administrations.Contains(administration.ToUpperInvariant()));
}

public static class UserScopes
{
    private static readonly object Key = new();

    /// <summary>
    /// Asked several times per request (the session's tenant, the policies, the redaction of the answer): worked out
    /// once for the request's user, and again only when the request's user changes.
    /// </summary>
    public static UserScope ScopeOf(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is UserScope scope && scope.IsOf(http.User))
            return scope;
        var settings = http.RequestServices.GetRequiredService<AuthenticationSettings>();
        scope = new(http.User, settings.AdministrationClaim, settings.TenantClaim);
        http.Items[Key] = scope;
        return scope;
    }

    /// <summary>The tenant whose data this request may see: the signed-in user's, else (background work) the default.</summary>
    public static string TenantOf(HttpContext? http) =>
        http?.User.Identity?.IsAuthenticated == true ? http.ScopeOf().Tenant : Edge.Tenancy.Tenants.Default;
}
