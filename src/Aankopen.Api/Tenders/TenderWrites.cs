using Aankopen.Api.Shared;
using Aankopen.Api.Shared.Http;
using Aankopen.Api.Tenders.ReadModels;
using JasperFx;
using Marten;

namespace Aankopen.Api.Tenders;

/// <summary>
/// The one way a command changes an existing tender: check If-Match, read the tender, let the decider decide, and
/// append its events expecting the version the decision was made on. Nothing is written when anything refuses.
/// </summary>
public sealed class TenderWrites(IDocumentSession session, TimeProvider clock, ProcedureThresholds thresholds)
{
    public delegate Decision Decide(JointTender tender, string actor, DateTimeOffset now);

    public async Task<IResult> ExecuteAsync(HttpContext http, Guid id, Decide decide, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (key, keyProblem) = IdempotencyKeys.Read(http);
        if (keyProblem is not null)
            return keyProblem;
        var (expected, versionProblem) = StreamVersions.ReadIfMatch(http);
        if (versionProblem is not null)
            return versionProblem;

        var record = await session.LoadAsync<TenderRecord>(id, ct);
        if (record is null)
            return TenderNotFound(http, id);
        if (record.Version != expected)
            return await AlreadyDoneAsync(http, id, expected!.Value, key, ct)
                ?? StreamVersions.Stale(http, StreamVersions.ETagFor(expected.Value), record.Version);

        var decision = decide(record.State, actor!, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        var newVersion = record.Version + decision.Events.Count;
        if (key is not null)
            session.SetHeader(IdempotencyKeys.EventHeader, key);
        // Marten checks at commit that the stream is still at record.Version, so a concurrent write loses cleanly.
        session.Events.Append(id, newVersion, decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException)
        {
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected.Value));
        }

        var tender = decision.Events.Aggregate(record.State, (state, @event) => JointTender.Transition(state, @event)!);
        StreamVersions.SetETag(http, newVersion);
        return TypedResults.Ok(tender.ToView(newVersion, thresholds));
    }

    /// <summary>
    /// A client that retries a write whose answer it never received sends the same Idempotency-Key and the old
    /// If-Match. When the events right after that version carry the key, the write already happened: answer with
    /// the current tender instead of a 412.
    /// </summary>
    private async Task<IResult?> AlreadyDoneAsync(HttpContext http, Guid id, long expected, string? key, CancellationToken ct)
    {
        if (key is null)
            return null;
        var next = await session.Events.FetchStreamAsync(id, fromVersion: expected + 1, token: ct);
        if (next.Count == 0 || !IdempotencyKeys.Carries(next[0], key))
            return null;
        var current = await session.LoadAsync<TenderRecord>(id, ct);
        StreamVersions.SetETag(http, current!.Version);
        return TypedResults.Ok(current.State.ToView(current.Version, thresholds));
    }

    public static IResult TenderNotFound(HttpContext http, Guid id) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "tender-not-found",
            $"Er is geen gezamenlijke opdracht met id {id}.", $"Il n'existe pas de marché conjoint avec l'identifiant {id}.");
}
