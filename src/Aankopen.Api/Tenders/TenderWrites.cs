using Aankopen.Api.Shared;
using Aankopen.Api.Shared.Http;
using JasperFx;
using Marten;

namespace Aankopen.Api.Tenders;

/// <summary>
/// The one way a command changes an existing tender: check If-Match, fold the stream, let the decider decide, and
/// append its events expecting the version the decision was made on. Nothing is written when anything refuses.
/// </summary>
public static class TenderWrites
{
    public static async Task<IResult> ExecuteAsync(
        HttpContext http, IDocumentSession session, Guid id, Func<JointTender, string, Decision> decide, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (expected, versionProblem) = StreamVersions.ReadIfMatch(http);
        if (versionProblem is not null)
            return versionProblem;

        var loaded = await TenderStreams.LoadAsync(session, id, ct);
        if (loaded is null)
            return TenderNotFound(http, id);
        if (loaded.Version != expected)
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected!.Value), loaded.Version);

        var decision = decide(loaded.Tender, actor!);
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        var newVersion = loaded.Version + decision.Events.Count;
        // Marten checks at commit that the stream is still at loaded.Version, so a concurrent write loses cleanly.
        session.Events.Append(id, newVersion, decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException)
        {
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected!.Value));
        }

        var tender = decision.Events.Aggregate(loaded.Tender, (state, @event) => JointTender.Transition(state, @event)!);
        StreamVersions.SetETag(http, newVersion);
        return TypedResults.Ok(tender.ToView(newVersion));
    }

    public static IResult TenderNotFound(HttpContext http, Guid id) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "tender-not-found",
            $"Er is geen gezamenlijke opdracht met id {id}.", $"Il n'existe pas de marché conjoint avec l'identifiant {id}.");
}
