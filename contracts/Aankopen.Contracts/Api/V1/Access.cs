namespace Aankopen.Contracts.Api.V1;

/// <summary>
/// What the API reads from a bearer token (OpenID Connect access token, JWT): who the user is, which roles they
/// hold, and for which administrations they act. The claim names are the defaults; a deployment whose identity
/// provider names them otherwise maps them in <c>Authentication:*Claim</c>.
/// </summary>
public static class Access
{
    public const string NameClaim = "preferred_username";
    public const string RoleClaim = "roles";
    public const string AdministrationClaim = "aankopen_administrations";

    /// <summary>The municipality's group (tenant) the user works in; without it, the deployment's default tenant.</summary>
    public const string TenantClaim = "aankopen_tenant";
    public const string DefaultAudience = "aankopen";

    public static class Roles
    {
        /// <summary>Opens, changes, closes, publishes, awards, cancels, renews and terminates; manages memberships.</summary>
        public const string PurchasingCell = "purchasing-cell";

        /// <summary>Opts in, changes, withdraws and declines renewals for its own administrations; reads what concerns them.</summary>
        public const string AdministrationUser = "administration-user";

        /// <summary>Reads the delivery status of its own administration's finance messages.</summary>
        public const string FinanceIntegration = "finance-integration";

        /// <summary>Reads everything, changes nothing.</summary>
        public const string Auditor = "auditor";

        /// <summary>
        /// Runs the deployment: error-queue replay, projection rebuilds, configuration checks. Sees no tender or
        /// figure of any administration, so it is not one of <see cref="All"/>.
        /// </summary>
        public const string Operator = "operator";

        /// <summary>The roles of the people who use the service; each may read the lists of administrations and centrals.</summary>
        public static readonly string[] All = [PurchasingCell, AdministrationUser, FinanceIntegration, Auditor];
    }
}

/// <summary>What the local development issuer signs: any user, any roles. It exists for demos and tests only.</summary>
public sealed record DevTokenRequest(string User, string[] Roles, string[]? Administrations = null, string? Audience = null, string? Tenant = null);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
