using Aankopen.Api.Tenders.AddLot;
using Aankopen.Api.Tenders.AwardLot;
using Aankopen.Api.Tenders.CloseOptIn;
using Aankopen.Api.Tenders.GetTender;
using Aankopen.Api.Tenders.OpenTender;
using Aankopen.Api.Tenders.OptInToLot;
using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Api.Tenders;

public static class TenderEndpoints
{
    public static IEndpointRouteBuilder MapTenderEndpoints(this IEndpointRouteBuilder app)
    {
        var tenders = app.MapGroup("/api/tenders").WithTags("Joint tenders");

        tenders.MapPost("/", OpenTenderEndpoint.Handle).WithName("OpenTender")
            .WithSummary("Open a joint tender for opt-in")
            .Produces<TenderView>(StatusCodes.Status201Created).ProducesProblem(422);
        tenders.MapGet("/{tenderId:guid}", GetTenderEndpoint.Handle).WithName("GetTender")
            .WithSummary("A joint tender with its lots, opt-ins and awards; the ETag is its version")
            .Produces<TenderView>().ProducesProblem(404);
        tenders.MapPost("/{tenderId:guid}/lots", AddLotEndpoint.Handle).WithName("AddLot")
            .WithSummary("Add a lot (If-Match required)")
            .Produces<TenderView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        tenders.MapPut("/{tenderId:guid}/lots/{lotNumber:int}/opt-ins/{administration}", OptInEndpoint.Handle).WithName("OptIn")
            .WithSummary("Opt an administration into a lot, or change its opt-in (If-Match required)")
            .Produces<TenderView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        tenders.MapPost("/{tenderId:guid}/close-opt-in", CloseOptInEndpoint.Handle).WithName("CloseOptIn")
            .WithSummary("Close the opt-in; lots nobody opted into are dropped (If-Match required)")
            .Produces<TenderView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
        tenders.MapPost("/{tenderId:guid}/lots/{lotNumber:int}/award", AwardLotEndpoint.Handle).WithName("AwardLot")
            .WithSummary("Award a lot; each participant's share is split to the cent (If-Match required)")
            .Produces<TenderView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        return app;
    }
}
