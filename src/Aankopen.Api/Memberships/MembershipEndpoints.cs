using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Memberships;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Administrations;
using Aankopen.Store.Memberships;
using Aankopen.Store.Streams;
using Marten;

namespace Aankopen.Api.Memberships;

public static class MembershipEndpoints
{
    private const string WriteNote = " For the purchasing cell; needs If-Match (the ETag of the version read).";

    public static IEndpointRouteBuilder MapMembershipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/memberships").WithTags("Purchasing-central memberships").RequireRateLimiting(RequestLimits.WritePolicy);
        group.MapPost("/", Join).WithName("JoinCentral").RequireAuthorization(Policies.PurchasingCell)
            .WithSummary("Record that an administration joined a purchasing central: decision, scope, start, end or open-ended, notice")
            .Produces<MembershipView>(201).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("/", List).WithName("ListMemberships").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Memberships, filtered by administration and central, or those ending in a window (endingFrom, endingTo)")
            .Produces<MembershipView[]>().ProducesProblem(422);
        group.MapGet("/may-buy", MayBuy).WithName("MayBuy").RequireAuthorization(Policies.TenderReader)
            .WithSummary("May an administration buy a category or CPV code through a central on a date? With the reason")
            .Produces<MayBuyView>().ProducesProblem(422);
        group.MapGet("/through", BuyingThroughEndpoint.List).WithName("ListBuyingThrough").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Administrations that buy through another acting as purchasing central (opdrachtencentrale), per tender; filtered by administration")
            .Produces<BuyingThroughView[]>();
        group.MapGet("/{membershipId:guid}", Get).WithName("GetMembership").RequireAuthorization(Policies.TenderReader).Produces<MembershipView>().ProducesProblem(404);
        group.MapGet("/{membershipId:guid}/history", History).WithName("GetMembershipHistory").RequireAuthorization(Policies.SeesAll)
            .WithSummary("Every recorded change of the membership, with who and when").Produces<HistoryEntryView[]>().ProducesProblem(404);
        Write(group.MapPut("/{membershipId:guid}/scope", ChangeScope), "ChangeMembershipScope", "Change what may be bought through the central");
        Write(group.MapPost("/{membershipId:guid}/renewal", Renew), "RenewMembership", "Extend the membership, or make it open-ended");
        Write(group.MapPost("/{membershipId:guid}/end", End), "EndMembership", "End the membership on a date, respecting its notice period");
        app.MapGet("/api/administrations/{code}/memberships", OfAdministration).WithTags("Purchasing-central memberships").RequireAuthorization(Policies.TenderReader)
            .WithName("AdministrationMemberships").WithSummary("An administration's memberships, current and past").Produces<MembershipView[]>();
        return app;
    }

    private static void Write(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).WithDescription(summary + "." + WriteNote + Edge.Http.ReturnPreference.Note).RequireAuthorization(Policies.PurchasingCell)
            .Produces<MembershipView>().Produces(StatusCodes.Status204NoContent).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);

    public static async Task<IResult> Join(
        JoinCentralRequest request, HttpContext http, IDocumentSession session, Store.Infrastructure.GroupCommit commits, TimeProvider clock, CancellationToken ct)
    {
        var (actor, actorProblem) = Actor.Read(http);
        if (actorProblem is not null)
            return actorProblem;
        var administrations = await session.LoadAdministrationsAsync(ct);
        var centrals = (await session.Query<PurchasingCentral>().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var existing = request.Administration is null || request.Central is null ? [] :
            (await session.Query<MembershipRecord>().Where(r => r.Administration == request.Administration && r.Central == request.Central).ToListAsync(ct))
            .Select(r => r.State).ToArray();
        var command = new JoinCentralCommand(Guid.CreateVersion7(), request.Administration!, request.Central!, request.DecidingBody, request.DecisionDate,
            request.DecisionReference, request.Scope.ToScope(), request.Start, request.End, request.NoticeMonths, actor!);
        var decision = MembershipDeciders.Join(command, administrations, centrals, existing, clock.GetUtcNow());
        if (decision.IsRefused)
            return Problems.From(http, decision.Errors);

        // Started through the same writer as every other append, with its record. Its id is new: it cannot exist yet.
        var membership = CentralMembership.Fold(decision.Events)!;
        var version = decision.Events.Count;
        await commits.AppendAsync(session.TenantId, command.MembershipId, 0, decision.Events, Stream.Records.Record(membership, version),
            IdempotencyKeys.OriginOf(http, null), typeof(CentralMembership));
        StreamVersions.SetETag(http, version);
        return TypedResults.Created($"/api/memberships/{membership.Id}", membership.ToView(version));
    }

    public static async Task<IResult> List(
        string? administration, string? central, DateOnly? endingFrom, DateOnly? endingTo, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (endingFrom is { } from && endingTo is { } to && to < from)
            return Problems.From(http, [DomainError.Invalid("window-invalid", "endingTo")]);
        IQueryable<MembershipRecord> records = session.Query<MembershipRecord>();
        if (!string.IsNullOrWhiteSpace(administration))
            records = records.Where(r => r.Administration == administration);
        if (!string.IsNullOrWhiteSpace(central))
            records = records.Where(r => r.Central == central);
        if (endingFrom is { } start)
            records = records.Where(r => r.End != null && r.End >= start);
        if (endingTo is { } end)
            records = records.Where(r => r.End != null && r.End <= end);
        var found = await records.OrderBy(r => r.End).ThenBy(r => r.Administration).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(found.Select(r => r.State.ToView(r.Version)).ToArray());
    }

    public static async Task<IResult> MayBuy(
        string? administration, string? central, DateOnly? on, string? category, string? cpv, HttpContext http, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(administration, "administration", 20, "administration"),
            InputChecks.MissingText(central, "central", 20, "central"),
        };
        int? division = null;
        if (cpv is not null)
        {
            if (CpvCode.TryParse(cpv, out var code))
                division = code.Value.Division;
            else if (int.TryParse(cpv, out var d) && CpvCode.IsDivision(d))
                division = d;
            else
                errors.Add(InputChecks.InvalidCpv(cpv, "cpv"));
        }
        if (category is null && cpv is null)
            errors.Add(DomainError.Invalid("what-required", "category"));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Problems.From(http, refusals);

        var day = on ?? Aankopen.Domain.BrusselsCalendar.Today(clock);
        var memberships = (await session.Query<MembershipRecord>().Where(r => r.Administration == administration && r.Central == central).ToListAsync(ct))
            .Select(r => r.State).ToArray();
        var (allowed, reason, membership) = MembershipRules.MayBuy(memberships, administration!, central!, day, category, division);
        return TypedResults.Ok(new MayBuyView(allowed, reason.In(Problems.PrefersFrench(http)), membership));
    }

    public static async Task<IResult> Get(Guid membershipId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        if (await Stream.Records.LoadAsync(session, membershipId, ct) is not { } record)
            return NotFound(http, membershipId);
        StreamVersions.SetETag(http, record.Version);
        return TypedResults.Ok(record.State.ToView(record.Version));
    }

    public static async Task<IResult> History(Guid membershipId, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(membershipId, token: ct);
        if (events.Count == 0 || events[0].Data is not MembershipJoined)
            return NotFound(http, membershipId);
        return TypedResults.Ok(events.Select(e => new HistoryEntryView(e.Version, e.Data.GetType().Name, ActorOf(e.Data), e.Timestamp, e.Data, e.CorrelationId, CorrelationIds.CallerOf(e.Headers))).ToArray());
    }

    public static async Task<IResult> OfAdministration(string code, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok((await session.Query<MembershipRecord>().Where(r => r.Administration == code).OrderBy(r => r.Central).ThenBy(r => r.Start).ToListAsync(ct))
            .Select(r => r.State.ToView(r.Version)).ToArray());

    public static Task<IResult> ChangeScope(Guid membershipId, ChangeScopeRequest request, HttpContext http, StreamWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, membershipId, Stream,
            (m, actor, now) => MembershipDeciders.ChangeScope(m, request.Scope.ToScope(), request.DecisionReference, actor, now), ct);

    public static Task<IResult> Renew(Guid membershipId, RenewMembershipRequest request, HttpContext http, StreamWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, membershipId, Stream,
            (m, actor, now) => MembershipDeciders.Renew(m, request.NewEnd, request.DecisionReference, actor, now), ct);

    public static Task<IResult> End(Guid membershipId, EndMembershipRequest request, HttpContext http, StreamWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, membershipId, Stream,
            (m, actor, now) => MembershipDeciders.End(m, request.EndsOn, request.Reason, actor, now), ct);

    private static readonly StreamWrites.Stream<MembershipRecord, CentralMembership> Stream = new(
        NotFound, new(MembershipEventTypes.All, CentralMembership.Transition, MembershipRecord.From),
        // A membership carries no figures; every reader of memberships sees each one whole.
        (_, _) => true, (state, version, _) => state.ToView(version));

    private static IResult NotFound(HttpContext http, Guid id) =>
        Problems.Single(http, StatusCodes.Status404NotFound, "membership-not-found", id);

    private static string ActorOf(object data) => data switch
    {
        MembershipJoined e => e.JoinedBy,
        MembershipScopeChanged e => e.ChangedBy,
        MembershipRenewed e => e.RenewedBy,
        MembershipEnded e => e.EndedBy,
        _ => "",
    };
}
