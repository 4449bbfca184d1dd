using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Authorization;

namespace Aankopen.Edge.Security;

/// <summary>
/// The authorisation policies, one per rule; every endpoint names one (a test checks that none is left without).
/// Which records a reader then sees is the endpoint's business, through <see cref="UserScope"/>.
/// </summary>
public static class Policies
{
    /// <summary>Decisions of the joint purchasing cell: open, change, close, publish, award, cancel, renew, terminate, memberships.</summary>
    public const string PurchasingCell = "purchasing-cell";

    /// <summary>An administration's own decisions, for the administration named in the route (<c>{administration}</c>).</summary>
    public const string ActsForRouteAdministration = "acts-for-route-administration";

    /// <summary>One administration's figures, named in the route (<c>{code}</c>).</summary>
    public const string ReadsRouteAdministration = "reads-route-administration";

    /// <summary>History and audit: everything, changing nothing.</summary>
    public const string SeesAll = "sees-all";

    /// <summary>Tenders, renewals and memberships, with what is not the reader's own left out.</summary>
    public const string TenderReader = "tender-reader";

    /// <summary>Any user with one of the roles: the list of administrations and centrals, delivery status (filtered).</summary>
    public const string AnyRole = "any-role";

    /// <summary>Running the deployment (replays, rebuilds, configuration checks); no tender data.</summary>
    public const string Operates = "operates";

    public static void Add(AuthorizationOptions options)
    {
        // Every policy also requires a tenant this deployment serves.
        void Policy(string name, Action<AuthorizationPolicyBuilder> rule) => options.AddPolicy(name, p =>
        {
            p.AddRequirements(new KnownTenantRequirement());
            rule(p);
        });
        Policy(PurchasingCell, p => p.RequireRole(Access.Roles.PurchasingCell));
        Policy(SeesAll, p => p.RequireRole(Access.Roles.PurchasingCell, Access.Roles.Auditor));
        Policy(TenderReader, p => p.RequireRole(Access.Roles.PurchasingCell, Access.Roles.Auditor, Access.Roles.AdministrationUser));
        Policy(AnyRole, p => p.RequireRole(Access.Roles.All));
        Policy(Operates, p => p.RequireRole(Access.Roles.Operator));
        Policy(ActsForRouteAdministration, p => p.AddRequirements(new RouteAdministrationRequirement("administration", Reading: false)));
        Policy(ReadsRouteAdministration, p => p.AddRequirements(new RouteAdministrationRequirement("code", Reading: true)));
        // An endpoint someone forgot to give a policy still needs a signed-in user with a role.
        options.FallbackPolicy = options.GetPolicy(AnyRole);
    }
}

/// <summary>The administration named by route value <paramref name="RouteValue"/> must be the user's (or, reading, the user sees all).</summary>
public sealed record RouteAdministrationRequirement(string RouteValue, bool Reading) : IAuthorizationRequirement;

/// <summary>The token's tenant must be one this deployment serves; a token for another municipality gets nothing here.</summary>
public sealed record KnownTenantRequirement : IAuthorizationRequirement;

public sealed class KnownTenantHandler(Edge.Tenancy.Tenants tenants) : AuthorizationHandler<KnownTenantRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, KnownTenantRequirement requirement)
    {
        if (context.Resource is HttpContext http && tenants.Contains(http.ScopeOf().Tenant))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public sealed class RouteAdministrationHandler : AuthorizationHandler<RouteAdministrationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteAdministrationRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.GetRouteValue(requirement.RouteValue) is string administration)
        {
            var scope = http.ScopeOf();
            if (requirement.Reading ? scope.ReadsFiguresOf(administration) : scope.ActsFor(administration))
                context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
