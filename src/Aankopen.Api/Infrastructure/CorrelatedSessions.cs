using Aankopen.Api.Shared.Http;
using Marten;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Lightweight sessions (no identity map) of the signed-in user's tenant, which see that tenant's events and
/// documents only, and stamp what they record with the current request's correlation id, so that every event says
/// which request recorded it.
/// </summary>
public sealed class CorrelatedSessions(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Shared.Security.UserScopes.TenantOf(http.HttpContext));

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession(Shared.Security.UserScopes.TenantOf(http.HttpContext));
        session.CorrelationId = CorrelationIds.Of(http.HttpContext);
        return session;
    }
}
