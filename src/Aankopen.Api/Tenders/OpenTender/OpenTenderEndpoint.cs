using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.OpenTender;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Administrations;
using Aankopen.Store.Infrastructure;
using Aankopen.Store.Streams;
using Aankopen.Store.Tenders;
using Marten;

namespace Aankopen.Api.Tenders.OpenTender;

public static class OpenTenderEndpoint
{
    public static async Task<IResult> Handle(
        OpenTenderRequest request, HttpContext http, IDocumentSession session, Store.Infrastructure.GroupCommit commits, TimeProvider clock,
        ProcedureThresholds thresholds, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (key, keyProblem) = IdempotencyKeys.Read(http);
        if (keyProblem is not null)
            return keyProblem;
        var (procedure, subject, enumErrors) = ParseChoices(request);
        var arrangement = request.Arrangement is null ? Arrangement.Joint : EnumNames.Parse<Arrangement>(request.Arrangement);
        if (arrangement is null)
            enumErrors.Add(DomainError.Invalid("arrangement-invalid", "arrangement", InputChecks.Shorten(request.Arrangement)));
        if (enumErrors.Count > 0)
            return Problems.From(http, enumErrors);

        // With an Idempotency-Key the new tender's id follows from the key and who sent it, so a retried request meets
        // its own stream, and the same key from someone else opens a tender of their own.
        var origin = IdempotencyKeys.OriginOf(http, key);
        var tenderId = key is null ? Guid.CreateVersion7() : IdempotencyKeys.IdFor(IdempotencyNamespace, session.TenantId, http, actor!, key);
        var administrations = await session.LoadAdministrationsAsync(ct);
        var command = new OpenTenderCommand(tenderId, request.Reference, request.TitleNl, request.TitleFr, request.MainCpv, procedure,
            request.LeadAdministration, request.InvitedAdministrations ?? [], request.OptInDeadline, subject, request.Draft, actor!,
            arrangement ?? Arrangement.Joint);
        var decision = OpenTenderDecider.Decide(command, administrations, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        // Started through the same writer as every other append, with its record; a stream that exists already is
        // this request sent again under its Idempotency-Key (the id follows from the key).
        var tender = JointTender.Fold(decision.Events)!;
        var version = decision.Events.Count;
        try
        {
            if (await commits.AppendAsync(session.TenantId, tenderId, 0, decision.Events, TenderRecords.Records.Record(tender, version), origin,
                    typeof(JointTender)) == Store.Infrastructure.GroupCommit.Outcome.Stale)
                return await ReplayAsync(http, session, tenderId, origin, thresholds, ct);
        }
        catch (Exception e) when (IsDuplicateReference(e))
        {
            return Problems.From(http, [DomainError.Conflict("reference-taken", command.Reference.Trim())]);
        }

        StreamVersions.SetETag(http, version);
        return TypedResults.Created($"/api/tenders/{tender.Id}", tender.ToView(version, thresholds, http.ScopeOf()));
    }

    private static readonly Guid IdempotencyNamespace = Guid.Parse("6f1d2a4e-3c55-4b7e-9a0d-2f6b8e1c7a90");

    /// <summary>
    /// The same key was used before by the same caller: answer as the first time, with the tender it opened, when the
    /// request is the same one; with another body the key is being reused for something else, and that is refused.
    /// </summary>
    private static async Task<IResult> ReplayAsync(
        HttpContext http, IDocumentSession session, Guid tenderId, WriteOrigin origin, ProcedureThresholds thresholds, CancellationToken ct)
    {
        await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
        var first = await fresh.Events.FetchStreamAsync(tenderId, version: 1, token: ct);
        if (first.Count == 0 || !IdempotencyKeys.Replays(first[0], origin))
            return Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", IdempotencyKeys.Header);
        // Its record, or its events while a rebuild rewrites the record.
        var record = await TenderRecords.Records.LoadAsync(fresh, tenderId, ct);
        if (record is null)
            return TenderWrites.TenderNotFound(http, tenderId);
        StreamVersions.SetETag(http, record.Version);
        return TypedResults.Created($"/api/tenders/{tenderId}", record.State.ToView(record.Version, thresholds, http.ScopeOf()));
    }

    /// <summary>The unique index on the tender records' reference refused the record (GroupCommit hands the server's refusal on).</summary>
    private static bool IsDuplicateReference(Exception e) =>
        e is Npgsql.PostgresException { SqlState: "23505", ConstraintName: { } index } && index.Contains("reference", StringComparison.Ordinal);

    private static (Procedure Procedure, ContractSubject? Subject, List<DomainError> Errors) ParseChoices(OpenTenderRequest request)
    {
        var errors = new List<DomainError>();
        var procedure = EnumNames.Parse<Procedure>(request.Procedure);
        if (procedure is null)
            errors.Add(DomainError.Invalid("procedure-invalid", "procedure", InputChecks.Shorten(request.Procedure), string.Join(", ", Enum.GetNames<Procedure>())));
        ContractSubject? subject = null;
        if (request.Subject is not null)
        {
            subject = EnumNames.Parse<ContractSubject>(request.Subject);
            if (subject is null)
                errors.Add(DomainError.Invalid("subject-invalid", "subject", InputChecks.Shorten(request.Subject)));
        }
        return (procedure ?? default, subject, errors);
    }
}
