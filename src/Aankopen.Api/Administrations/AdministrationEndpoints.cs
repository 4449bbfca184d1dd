using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Administrations;
using JasperFx;
using Marten;

namespace Aankopen.Api.Administrations;

public static class AdministrationEndpoints
{
    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/administrations").WithTags("Administrations").RequireRateLimiting(RequestLimits.WritePolicy);
        group.MapGet("/", List).WithName("ListAdministrations").RequireAuthorization(Policies.AnyRole).WithSummary("The registered administrations");
        group.MapGet("/{code}", Get).WithName("GetAdministration").RequireAuthorization(Policies.AnyRole).WithSummary("One administration; the ETag is its revision")
            .Produces<AdministrationView>().ProducesProblem(404);
        group.MapPost("/", Register).WithName("RegisterAdministration").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Register an administration (city, OCMW, police zone, autonomous company, other)")
            .Produces<AdministrationView>(201).ProducesProblem(409).ProducesProblem(422);
        group.MapPut("/{code}", Change).WithName("ChangeAdministration").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Change an administration's names, enterprise number or kind (If-Match required); the code never changes")
            .Produces<AdministrationView>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        return app;
    }

    public static async Task<IReadOnlyList<AdministrationView>> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<AdministrationRecord>().OrderBy(r => r.Id).ToListAsync(ct)).Select(ToView).ToArray();

    public static async Task<IResult> Get(string code, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<AdministrationRecord>(code, ct) is not { } record)
            return Problems.AdministrationNotFound(http, code);
        StreamVersions.SetETag(http, record.Version);
        return TypedResults.Ok(ToView(record));
    }

    public static async Task<IResult> Register(
        RegisterAdministrationRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var errors = AdministrationRules.Check(request.Code, request.NameNl, request.NameFr, request.EnterpriseNumber, request.Kind);
        if (errors.Count > 0)
            return Problems.From(http, errors);

        var now = clock.GetUtcNow();
        var record = AdministrationRecord.Registered(new Administration(request.Code, request.NameNl.Trim(), request.NameFr.Trim(),
            EnterpriseNumber.TryParse(request.EnterpriseNumber, out var n) ? n.Value.ToString() : "", AdministrationRules.ParseKind(request.Kind)!.Value), actor!, now);
        session.Insert(record);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return Problems.From(http, [DomainError.Conflict("administration-exists", request.Code)]);
        }
        // Its finance queues are the worker's to declare: the relay does so before its first message to it, and its
        // connector when it first runs, so its messages wait there either way.
        var stored = await session.LoadAsync<AdministrationRecord>(record.Id, ct);
        StreamVersions.SetETag(http, stored!.Version);
        return TypedResults.Created($"/api/administrations/{record.Id}", ToView(stored));
    }

    public static async Task<IResult> Change(
        string code, ChangeAdministrationRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var (expected, versionProblem) = StreamVersions.ReadIfMatch(http);
        if (versionProblem is not null)
            return versionProblem;
        if (await session.LoadAsync<AdministrationRecord>(code, ct) is not { } record)
            return Problems.AdministrationNotFound(http, code);
        if (record.Version != expected)
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected!.Value), record.Version);
        var errors = AdministrationRules.Check(code, request.NameNl, request.NameFr, request.EnterpriseNumber, request.Kind);
        if (errors.Count > 0)
            return Problems.From(http, errors);

        record.NameNl = request.NameNl.Trim();
        record.NameFr = request.NameFr.Trim();
        record.EnterpriseNumber = EnterpriseNumber.TryParse(request.EnterpriseNumber, out var n) ? n.Value.ToString() : "";
        record.Kind = AdministrationRules.ParseKind(request.Kind)!.Value;
        record.ChangedBy = actor!;
        record.ChangedAt = clock.GetUtcNow();
        // Refused at commit if someone else stored a newer revision since it was read.
        session.UpdateRevision(record, (int)expected!.Value + 1);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return StreamVersions.Stale(http, StreamVersions.ETagFor(expected.Value));
        }
        record.Version = (int)expected.Value + 1;
        StreamVersions.SetETag(http, record.Version);
        return TypedResults.Ok(ToView(record));
    }

    private static AdministrationView ToView(AdministrationRecord r) =>
        new(r.Id, r.NameNl, r.NameFr, r.EnterpriseNumber, r.Kind.ToString(), FinanceRouting.RoutingKeyFor(r.Id), r.Version);

}
