using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Measures;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Reports.Synergies;
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
        if (MeasureRules.CheckPlanned(request.DomainNl, request.DomainFr, request.TextNl, request.TextFr, request.PlannedFrom) is { Count: > 0 } errors)
            return Problems.From(http, errors);

        var measure = new PlannedMeasure(Guid.CreateVersion7(), request.DomainNl.Trim(), request.DomainFr.Trim(), request.TextNl.Trim(), request.TextFr.Trim(),
            request.PlannedFrom, MeasureStatus.Planned, null, actor!, clock.GetUtcNow());
        session.Insert(measure);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/reports/measures/{measure.Id}", measure.ToView());
    }

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
