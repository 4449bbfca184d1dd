using Aankopen.Api.Tenders.AddLot;
using Aankopen.Api.Tenders.AdministrationYear;
using Aankopen.Api.Tenders.AwardLot;
using Aankopen.Api.Tenders.CancelTender;
using Aankopen.Api.Tenders.ChangeLot;
using Aankopen.Api.Tenders.CloseOptIn;
using Aankopen.Api.Tenders.DeclareLotNotAwarded;
using Aankopen.Api.Tenders.ExportOcds;
using Aankopen.Api.Tenders.GetTender;
using Aankopen.Api.Tenders.History;
using Aankopen.Api.Tenders.ListTenders;
using Aankopen.Api.Tenders.OpenOptIn;
using Aankopen.Api.Tenders.OpenTender;
using Aankopen.Api.Tenders.OptInToLot;
using Aankopen.Api.Tenders.Orders;
using Aankopen.Api.Tenders.PublishTender;
using Aankopen.Api.Tenders.RecordDecision;
using Aankopen.Api.Tenders.RemoveLot;
using Aankopen.Api.Tenders.Renewals;
using Aankopen.Api.Tenders.SuperviseDecision;
using Aankopen.Api.Tenders.TerminateLot;
using Aankopen.Api.Tenders.WithdrawOptIn;
using Aankopen.Contracts.Api.V1;
using Aankopen.Edge.Security;

namespace Aankopen.Api.Tenders.Routes;

public static class TenderEndpoints
{
    private const string WriteNote = " Needs If-Match (the ETag of the version read); an Idempotency-Key makes a retry safe.";

    public static IEndpointRouteBuilder MapTenderEndpoints(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapGroup("/api/tenders").WithTags("Joint tenders").RequireRateLimiting(RequestLimits.WritePolicy);

        tenders.MapPost("/", OpenTenderEndpoint.Handle).WithName("OpenTender")
            .WithSummary("Open a joint tender, as a draft or directly for opt-in")
            .WithDescription("For the purchasing cell. With an Idempotency-Key, sending the same request again returns the tender it opened.")
            .RequireAuthorization(Policies.PurchasingCell)
            .Produces<TenderView>(StatusCodes.Status201Created).ProducesProblem(409).ProducesProblem(422);
        tenders.MapGet("/", ListTendersEndpoint.Handle).WithName("ListTenders").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Tenders, newest first, filtered by status, year, administration, CPV division and text (reference or title)")
            .Produces<PageView<TenderSummaryView>>().ProducesProblem(422);
        tenders.MapGet("/{tenderId:guid}", GetTenderEndpoint.Handle).WithName("GetTender").RequireAuthorization(Policies.TenderReader)
            .WithSummary("A tender with its lots, opt-in matrix, totals per administration and warnings; the ETag is its version")
            .Produces<TenderView>().ProducesProblem(404);
        tenders.MapGet("/{tenderId:guid}/ocds/releases", ExportOcdsEndpoint.Releases).WithName("GetTenderOcdsReleases").RequireAuthorization(Policies.SeesAll)
            .WithSummary("The tender as an Open Contracting Data Standard 1.1 release package: one release per recorded fact")
            .Produces<object>().ProducesProblem(404);
        tenders.MapGet("/{tenderId:guid}/ocds/record", ExportOcdsEndpoint.Record).WithName("GetTenderOcdsRecord").RequireAuthorization(Policies.SeesAll)
            .WithSummary("The tender as an OCDS 1.1 record package: every release and the compiled release")
            .Produces<object>().ProducesProblem(404);
        tenders.MapGet("/{tenderId:guid}/history", TenderHistoryEndpoint.Handle).WithName("GetTenderHistory").RequireAuthorization(Policies.SeesAll)
            .WithSummary("Every recorded fact of the tender, oldest first, with who and when")
            .Produces<HistoryEntryView[]>().ProducesProblem(404);

        Write(tenders.MapPost("/{tenderId:guid}/open-opt-in", OpenOptInEndpoint.Handle), "OpenOptIn", Policies.PurchasingCell,
            "Open a draft tender for opt-in by the invited administrations");
        Write(tenders.MapPost("/{tenderId:guid}/lots", AddLotEndpoint.Handle), "AddLot", Policies.PurchasingCell,
            "Add a lot while the tender is a draft or open for opt-in");
        Write(tenders.MapPut("/{tenderId:guid}/lots/{lotNumber:int}", ChangeLotEndpoint.Handle), "ChangeLot", Policies.PurchasingCell,
            "Change a lot's description, value or contract terms while the tender is a draft or open for opt-in");
        Write(tenders.MapDelete("/{tenderId:guid}/lots/{lotNumber:int}", RemoveLotEndpoint.Handle), "RemoveLot", Policies.PurchasingCell,
            "Remove a lot, with its opt-ins, while the tender is a draft or open for opt-in");
        Write(tenders.MapPut("/{tenderId:guid}/lots/{lotNumber:int}/opt-ins/{administration}", OptInToLotEndpoint.Handle), "OptIn", Policies.ActsForRouteAdministration,
            "Opt an administration into a lot, or change its opt-in, until the deadline");
        Write(tenders.MapDelete("/{tenderId:guid}/lots/{lotNumber:int}/opt-ins/{administration}", WithdrawOptInEndpoint.Handle), "WithdrawOptIn", Policies.ActsForRouteAdministration,
            "Withdraw an administration's opt-in, until the deadline");
        Write(tenders.MapPost("/{tenderId:guid}/close-opt-in", CloseOptInEndpoint.Handle), "CloseOptIn", Policies.PurchasingCell,
            "Close the opt-in; lots nobody opted into are dropped");
        Write(tenders.MapPost("/{tenderId:guid}/publication", PublishTenderEndpoint.Handle), "PublishTender", Policies.PurchasingCell,
            "Record the tender's publication (reference and date) after the opt-in closed");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/award", AwardLotEndpoint.Handle), "AwardLot", Policies.PurchasingCell,
            "Award a lot; shares follow the opt-ins or are given explicitly, and add up to the cent");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/not-awarded", DeclareLotNotAwardedEndpoint.Handle), "DeclareLotNotAwarded", Policies.PurchasingCell,
            "Record that a lot will not be awarded, and why");
        Write(tenders.MapPost("/{tenderId:guid}/cancellation", CancelTenderEndpoint.Handle), "CancelTender", Policies.PurchasingCell,
            "Cancel the tender before any lot is awarded, with the reason");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/termination", TerminateLotEndpoint.Handle), "TerminateLot", Policies.PurchasingCell,
            "End an awarded lot's contract early, for a ground (the supplier's default, mutual agreement, bankruptcy, other), at any time during the contract");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/non-renewal", RenewalEndpoints.NotRenew), "GiveNoticeNotToRenew", Policies.PurchasingCell,
            "Give notice that the contract will not renew (before the notice deadline): it ends with its current period for every administration");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/renewal", RenewalEndpoints.Renew), "RenewLot", Policies.PurchasingCell,
            "Renew a running lot for its next period now, ahead of the tacit renewal");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/renewal/declines/{administration}", RenewalEndpoints.Decline), "DeclineRenewal", Policies.ActsForRouteAdministration,
            "An administration declines the next renewal for itself, before the notice deadline; the others continue");
        Write(tenders.MapPost("/{tenderId:guid}/decisions/{administration}", RecordDecisionEndpoint.Handle), "RecordDecision", Policies.ActsForRouteAdministration,
            "Record one of the administration's own decisions: taking part and the conditions, its award of a lot, or a renewal; an administration's share is awarded only after its conditions decision, and its finance system hears of the award once its award decision is in force");
        Write(tenders.MapPost("/{tenderId:guid}/decisions/{administration}/{number:int}/supervision", SuperviseDecisionEndpoint.Handle), "SuperviseDecision",
            Policies.ActsForRouteAdministration,
            "Record that the supervising authority suspended, lifted the suspension of, or annulled one of the administration's decisions");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/orders/{administration}", OrderEndpoints.Place), "PlaceOrder", Policies.ActsForRouteAdministration,
            "Record an order (bestelbon) the administration placed under the lot's framework agreement; its finance system books it as a commitment, and an order beyond the administration's share is refused unless the purchasing cell raised it");
        Write(tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/ceilings/{administration}", OrderEndpoints.Raise), "RaiseShareCeiling", Policies.PurchasingCell,
            "Allow an administration to order more than its share under the lot's framework agreement in the contract's current period, with the reason");
        app.MapGet("/ocds/{file}", ExportOcdsEndpoint.ExtensionFile).WithTags("Exports").WithName("GetOcdsExtensionFile").AllowAnonymous()
            .WithSummary("The local OCDS extension the packages declare: extension.json and release-schema.json; public, like any extension")
            .Produces(200, contentType: "application/json").Produces(404);
        app.MapGet("/api/cpv", CpvEndpoint.Search).WithTags("Joint tenders").WithName("SearchCpv").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Codes of the CPV 2008 list whose Dutch or French label holds every word of q (or that start with it), at most 50")
            .Produces<CpvView[]>().ProducesProblem(422);
        app.MapGet("/api/renewals", RenewalEndpoints.Calendar).WithTags("Joint tenders").WithName("RenewalCalendar").RequireAuthorization(Policies.TenderReader)
            .WithSummary("Running lots whose notice deadline or period end falls in a window (default: the next six months), most urgent first")
            .Produces<RenewalCalendarEntryView[]>().ProducesProblem(422);

        app.MapGroup("/api/administrations").WithTags("Administrations")
            .MapGet("/{code}/participations", AdministrationYearEndpoint.Handle).WithName("GetAdministrationYear").RequireAuthorization(Policies.ReadsRouteAdministration)
            .WithSummary("An administration's participations and awarded shares in the tenders opened in a year (default: this year)")
            .Produces<AdministrationYearView>().ProducesProblem(404).ProducesProblem(422);
        app.MapGet("/api/administrations/{code}/participations.csv", ExportCsv.FinanceCsvEndpoints.AdministrationYear).WithTags("Exports")
            .WithName("ExportAdministrationYearCsv").RequireAuthorization(Policies.ReadsRouteAdministration)
            .WithSummary("The same year as CSV for the administration's finance department (semicolons, decimal comma, UTF-8)")
            .Produces(200, contentType: Aankopen.Reports.Csv.CsvFile.ContentType).ProducesProblem(404).ProducesProblem(422);
        app.MapGet("/api/exports/shares.csv", ExportCsv.FinanceCsvEndpoints.AllShares).WithTags("Exports")
            .WithName("ExportSharesCsv").RequireAuthorization(Policies.SeesAll)
            .WithSummary("Every administration's participations and awarded shares of a year as CSV")
            .Produces(200, contentType: Aankopen.Reports.Csv.CsvFile.ContentType).ProducesProblem(422);
        return app;
    }

    private static void Write(RouteHandlerBuilder route, string name, string policy, string summary) =>
        route.WithName(name).WithSummary(summary).WithDescription(summary + "." + WriteNote + Edge.Http.ReturnPreference.Note).RequireAuthorization(policy)
            .Produces<TenderView>().Produces(StatusCodes.Status204NoContent).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
}
