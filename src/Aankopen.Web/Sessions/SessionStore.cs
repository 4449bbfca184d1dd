using Aankopen.Edge;
using JasperFx;
using Marten;

namespace Aankopen.Web.Sessions;

/// <summary>
/// Where the web application keeps its people's sessions and its key ring: the service's PostgreSQL database, in a
/// schema of its own. Nothing of the tenders or memberships is here; those the pages ask the API for.
/// </summary>
public static class SessionStore
{
    public const string Schema = "aankopen_web";

    public static void Use(IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Aankopen") is { Length: > 0 } given
            ? given
            : throw new StartupException("No PostgreSQL connection string for the sessions: set ConnectionStrings:Aankopen (environment variable ConnectionStrings__Aankopen).");
        services.AddMarten(o =>
            {
                o.Connection(connection);
                o.DatabaseSchemaName = Schema;
                // Two tables of its own, created or brought up to date at start: sessions and keys are short-lived
                // and are nobody else's, so there is nothing an operator would want to review first.
                o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .ApplyAllDatabaseChangesOnStartup();
    }
}
