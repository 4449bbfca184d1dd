using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Authorization;

namespace Aankopen.Api.Shared.Security;

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

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PurchasingCell, p => p.RequireRole(Access.Roles.PurchasingCell));
        options.AddPolicy(SeesAll, p => p.RequireRole(Access.Roles.PurchasingCell, Access.Roles.Auditor));
        options.AddPolicy(TenderReader, p => p.RequireRole(Access.Roles.PurchasingCell, Access.Roles.Auditor, Access.Roles.AdministrationUser));
        options.AddPolicy(AnyRole, p => p.RequireRole(Access.Roles.All));
        options.AddPolicy(ActsForRouteAdministration, p => p.AddRequirements(new RouteAdministrationRequirement("administration", Reading: false)));
        options.AddPolicy(ReadsRouteAdministration, p => p.AddRequirements(new RouteAdministrationRequirement("code", Reading: true)));
        // An endpoint someone forgot to give a policy still needs a signed-in user with a role.
        options.FallbackPolicy = options.GetPolicy(AnyRole);
    }
}

/// <summary>The administration named by route value <paramref name="RouteValue"/> must be the user's (or, reading, the user sees all).</summary>
public sealed record RouteAdministrationRequirement(string RouteValue, bool Reading) : IAuthorizationRequirement;

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
