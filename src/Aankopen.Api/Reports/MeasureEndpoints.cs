using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Measures;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Reports.Synergies;
using Aankopen.Store.Streams;
using Marten;

namespace Aankopen.Api.Reports;

/// <summary>
/// <c>/api/reports/measures</c>: the measures the purchasing cell plans for the coming years, which the yearly annex
/// lists until they are done or dropped.
/// </summary>
public static class MeasureEndpoints
{
    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder app)
    {
        var measures = app.MapGroup("/api/reports/measures").WithTags("Reports").RequireRateLimiting(RequestLimits.WritePolicy);
        measures.MapGet("/", List).WithName("ListMeasures").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Every planned measure, open ones first").Produces<MeasureView[]>();
        measures.MapPost("/", Plan).WithName("PlanMeasure").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Plan a measure for the coming years: its domain and text in Dutch and French, and the first budget year it is for")
            .WithDescription("For the purchasing cell. With an Idempotency-Key, sending the same request again returns the measure it planned.")
            .Produces<MeasureView>(201).ProducesProblem(422);
        measures.MapPost("/{id:guid}/closing", Close).WithName("CloseMeasure").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Record that a planned measure was done or dropped in a year; from then on the annex no longer plans it")
            .Produces<MeasureView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return app;
    }

    public static async Task<MeasureView[]> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<PlannedMeasure>().ToListAsync(ct))
            .OrderBy(m => m.Status != MeasureStatus.Planned).ThenBy(m => m.PlannedFrom).ThenBy(m => m.DomainNl, StringComparer.Ordinal).Select(m => m.ToView()).ToArray();

    public static async Task<IResult> Plan(PlanMeasureRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (key, keyProblem) = IdempotencyKeys.Read(http);
        if (keyProblem is not null)
            return keyProblem;
        if (MeasureRules.CheckPlanned(request.DomainNl, request.DomainFr, request.TextNl, request.TextFr, request.PlannedFrom) is { Count: > 0 } errors)
            return Problems.From(http, errors);

        // With an Idempotency-Key the measure's id follows from the key and who sent it, so that a form sent twice or a
        // retried request meets the measure it planned instead of planning it again.
        var id = key is null ? Guid.CreateVersion7() : IdempotencyKeys.IdFor(IdempotencyNamespace, session.TenantId, http, actor!, key);
        var fingerprint = key is null ? null : IdempotencyKeys.Fingerprint(http);
        var measure = new PlannedMeasure(id, request.DomainNl.Trim(), request.DomainFr.Trim(), request.TextNl.Trim(), request.TextFr.Trim(),
            request.PlannedFrom, MeasureStatus.Planned, null, actor!, clock.GetUtcNow(), RequestFingerprint: fingerprint);
        session.Insert(measure);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (key is not null)
        {
            await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
            return await fresh.LoadAsync<PlannedMeasure>(id, ct) is { } first && first.RequestFingerprint == fingerprint
                ? TypedResults.Created($"/api/reports/measures/{id}", first.ToView())
                : Problems.Single(http, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", IdempotencyKeys.Header);
        }
        return TypedResults.Created($"/api/reports/measures/{measure.Id}", measure.ToView());
    }

    private static readonly Guid IdempotencyNamespace = Guid.Parse("3b8e51c2-7d04-4f6a-b1e9-52a0c4d7e813");

    public static async Task<IResult> Close(Guid id, CloseMeasureRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        if (EnumNames.Parse<MeasureStatus>(request.Status) is not { } status || status == MeasureStatus.Planned)
            return Problems.From(http, [DomainError.Invalid("measure-status-invalid", "status", InputChecks.Shorten(request.Status))]);
        if (await session.LoadAsync<PlannedMeasure>(id, ct) is not { } measure)
            return Problems.Single(http, StatusCodes.Status404NotFound, "measure-not-found", id);
        if (MeasureRules.CheckClosing(measure, status, request.Year, BrusselsCalendar.Today(clock).Year) is { } refused)
            return Problems.From(http, [refused]);

        var closed = measure with { Status = status, ClosedIn = request.Year, ClosedBy = actor, ClosedAt = clock.GetUtcNow() };
        session.Update(closed);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Someone closed it meanwhile: say what it is now rather than overwrite it.
            return Problems.From(http, [DomainError.Conflict("measure-closed", (await session.LoadAsync<PlannedMeasure>(id, ct))?.ClosedIn)]);
        }
        return TypedResults.Ok(closed.ToView());
    }
}
