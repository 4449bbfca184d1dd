using Aankopen.Api.Tenders;
using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Reports.Csv;
using Aankopen.Reports.Synergies;
using Aankopen.Store.Administrations;
using Aankopen.Store.Memberships;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Api.Reports;

/// <summary>
/// <c>/api/reports/synergies/{year}</c>: the yearly chapter as data (the pages render it as HTML and as a Word
/// document), and as CSV for the finance department: one row per administration's share.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>Tenders opened this many years before the report's are still read: a lot is awarded within a few years of opening.</summary>
    private const int YearsBack = 5;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.TenderReader);
        reports.MapGet("/synergies/{year:int}", async (int year, HttpContext http, IQuerySession session, Edge.Tenancy.Tenants tenants, CancellationToken ct) =>
                InputChecks.YearOutOfRange(year) is { } bad ? Problems.From(http, [bad]) : TypedResults.Ok(await ReadAsync(year, http, session, tenants, ct)))
            .WithName("SynergyReport").WithSummary("The public-procurement chapter of the yearly synergy report: opened, awarded, renewed, shares, memberships, year on year")
            .Produces<SynergyReportView>().ProducesProblem(422);
        reports.MapGet("/synergies/{year:int}.csv", async (int year, string? lang, HttpContext http, IQuerySession session, Edge.Tenancy.Tenants tenants, CancellationToken ct) =>
            {
                if (InputChecks.YearOutOfRange(year) is { } bad)
                    return Problems.From(http, [bad]);
                return SynergyCsv.Write(await ReadAsync(year, http, session, tenants, ct), Problems.PrefersFrench(http, lang)).ToResult($"synergies-{year}.csv");
            })
            .WithName("SynergyReportCsv").WithSummary("The same chapter as CSV for the finance department: one row per administration's share")
            .Produces(200, contentType: CsvFile.ContentType).ProducesProblem(422);
        return app;
    }

    public static async Task<SynergyReportView> ReadAsync(int year, HttpContext http, IQuerySession session, Edge.Tenancy.Tenants tenants, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 31));
        var renewals = await session.Events.QueryRawEventDataOnly<LotRenewed>().Where(r => r.PeriodStart >= from && r.PeriodStart <= to).ToListAsync(ct);
        var firstYear = year - 1 - YearsBack; // computed here: Marten's LINQ does not evaluate arithmetic on captured values
        var records = (await session.Query<TenderRecord>().Where(t => t.Year >= firstYear && t.Year <= year).ToListAsync(ct)).ToDictionary(r => r.Id);
        var older = renewals.Select(r => r.TenderId).Where(id => !records.ContainsKey(id)).Distinct().ToArray();
        if (older.Length > 0)
            foreach (var r in await session.LoadManyAsync<TenderRecord>(ct, older))
                records[r.Id] = r;
        var memberships = await session.Query<MembershipRecord>().ToListAsync(ct);
        var centrals = await session.Query<PurchasingCentral>().ToListAsync(ct);
        // The same visibility as the tenders it is made of: an administration's reader sees the tenders it takes part in.
        var scope = http.ScopeOf();
        var visible = records.Values.Select(r => r.State).Where(t => t.Involves(scope)).ToArray();
        // The configured administrations, then any registered one taking part, so the shares per administration add up.
        var directory = tenants.AdministrationsOf(UserScopes.TenantOf(http)).All;
        var configured = directory.Select(a => a.Code).ToArray();
        var administrations = configured.Concat(visible.SelectMany(t => t.InvitedAdministrations).Except(configured).Order(StringComparer.Ordinal)).ToArray();
        var ids = visible.Select(t => t.Id).ToHashSet();
        var report = SynergyReport.Build(year, administrations, visible, renewals.Where(r => ids.Contains(r.TenderId)).ToList(),
            memberships.Select(m => m.State).ToArray(), centrals.ToDictionary(c => c.Id),
            // The names the chapter writes: the registered administrations', and the configured ones' where none is registered.
            [.. (await session.LoadAdministrationsAsync(ct)).All, .. directory],
            await session.Query<Aankopen.Domain.Measures.PlannedMeasure>().ToListAsync(ct));
        return scope.SeesAll ? report : report with
        {
            PerAdministration = report.PerAdministration.Select(a => scope.Administrations.Contains(a.Administration)
                ? a
                : a with { OrderedExclVat = null, PreviousOrderedExclVat = null }).ToArray(),
        };
    }
}
