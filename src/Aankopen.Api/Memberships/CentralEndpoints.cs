using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Memberships;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Memberships;
using Marten;

namespace Aankopen.Api.Memberships;

/// <summary>The purchasing centrals administrations can join, and who is a member of which.</summary>
public static class CentralEndpoints
{
    public static IEndpointRouteBuilder MapCentralEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/centrals").WithTags("Purchasing centrals").RequireRateLimiting(RequestLimits.WritePolicy);
        group.MapGet("/", List).WithName("ListCentrals").RequireAuthorization(Policies.AnyRole).WithSummary("The registered purchasing centrals");
        group.MapPost("/", Register).WithName("RegisterCentral").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Register a purchasing central: code, names nl/fr, enterprise number, level")
            .Produces<CentralView>(201).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("/{code}/members", Members).WithName("CentralMembers").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Every membership of this central, current and past").Produces<MembershipView[]>().ProducesProblem(404);
        return app;
    }

    public static async Task<CentralView[]> List(IQuerySession session, CancellationToken ct) =>
        (await session.Query<PurchasingCentral>().OrderBy(c => c.Id).ToListAsync(ct)).Select(c => c.ToView()).ToArray();

    public static async Task<IResult> Register(RegisterCentralRequest request, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var errors = AdministrationRules.CheckRegisteredBody(request.Code, request.NameNl, request.NameFr, request.EnterpriseNumber).ToList();
        var level = EnumNames.Parse<CentralLevel>(request.Level);
        if (level is null)
            errors.Add(DomainError.Invalid("central-level-invalid", "level", InputChecks.Shorten(request.Level), string.Join(", ", Enum.GetNames<CentralLevel>())));
        if (errors.Count > 0)
            return Problems.From(http, errors);

        var central = new PurchasingCentral(request.Code, request.NameNl.Trim(), request.NameFr.Trim(),
            EnterpriseNumber.TryParse(request.EnterpriseNumber, out var number) ? number.Value.ToString() : "", level!.Value, actor!, clock.GetUtcNow());
        session.Insert(central);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return Problems.From(http, [DomainError.Conflict("central-exists", request.Code)]);
        }
        return TypedResults.Created($"/api/centrals/{central.Id}", central.ToView());
    }

    public static async Task<IResult> Members(string code, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<PurchasingCentral>(code, ct) is null)
            return Problems.Single(http, StatusCodes.Status404NotFound, "central-not-found", InputChecks.Shorten(code));
        var records = await session.Query<MembershipRecord>().Where(r => r.Central == code).OrderBy(r => r.Administration).ThenBy(r => r.Start).ToListAsync(ct);
        return TypedResults.Ok(records.Select(r => r.State.ToView(r.Version)).ToArray());
    }
}
