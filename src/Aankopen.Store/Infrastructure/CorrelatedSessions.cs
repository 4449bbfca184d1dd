using Aankopen.Edge.Http;
using Marten;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Lightweight sessions (no identity map) of the signed-in user's tenant, which see that tenant's events and
/// documents only, and stamp what they record with the current request's correlation id and trace context, so that every
/// event says which request recorded it, and the work it sets off later joins that request's trace.
/// </summary>
public sealed class CorrelatedSessions(IDocumentStore store, IHttpContextAccessor http) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Edge.Security.UserScopes.TenantOf(http.HttpContext));

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession(Edge.Security.UserScopes.TenantOf(http.HttpContext));
        session.CorrelationId = CorrelationIds.Of(http.HttpContext);
        if (CorrelationIds.CallerOf(http.HttpContext) is { } caller)
            session.SetHeader(CorrelationIds.CallerEventHeader, caller);
        if (Observability.Telemetry.CurrentTraceParent is { } trace)
            session.SetHeader(EventTraces.Header, trace);
        return session;
    }
}
