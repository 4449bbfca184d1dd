using Aankopen.Api.Shared.Http;
using Marten;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Lightweight sessions (no identity map) that stamp what they record with the current request's correlation id,
/// so that every event says which request recorded it.
/// </summary>
public sealed class CorrelatedSessions(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        session.CorrelationId = CorrelationIds.Of(http.HttpContext);
        return session;
    }
}
