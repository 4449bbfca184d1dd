using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Web.Pages.Tenders;

/// <summary>
/// One tender: its lots, the opt-in matrix, each administration's totals and shares, its history, and the forms of
/// the purchasing cell's next steps (add lots, open for opt-in, close, publish, award, cancel). Every form carries
/// the version it was shown at; a change made meanwhile by someone else is reported, not overwritten.
/// </summary>
public sealed class DetailModel(TimeProvider clock) : AankopenPageModel
{
    /// <summary>Today in Brussels: the default date of a decision, a publication or an order.</summary>
    public DateOnly Today => Aankopen.Domain.BrusselsCalendar.Today(clock);

    public TenderView? Tender { get; private set; }
    public IReadOnlyList<HistoryEntryView>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAddLotAsync(Guid id, long version, CancellationToken ct)
    {
        const string form = "addlot";
        var f = Request.Form;
        var estimate = AmountFrom(form, "estimatedValueExclVat", f["estimatedValueExclVat"]);
        var vat = AmountFrom(form, "vatRate", f["vatRate"]);
        var start = DateFrom(form, "terms.start", f["terms.start"]);
        if (estimate is null || vat is null || start is null)
            return await ShowAsync(id, ct);
        var terms = new ContractTermsRequest(start, Int(f["terms.initialMonths"]), f["terms.renewable"] == "true", Int(f["terms.renewalMonths"]),
            Int(f["terms.maxRenewals"]), Int(f["terms.noticeDays"]));
        var lot = new LotRequest(null, f["title"].ToString(), f["cpv"].ToString(), estimate.Value, vat.Value, terms);
        return await DoneAsync(id, form, await Api.AddLotAsync(id, IfMatch(version), "", lot, ct: ct),
            Text("perceel-toegevoegd-2"), ct);
    }

    public async Task<IActionResult> OnPostOpenOptInAsync(Guid id, long version, CancellationToken ct) =>
        await DoneAsync(id, "openoptin", await Api.OpenOptInAsync(id, IfMatch(version), "", ct),
            Text("de-besturen-kunnen-nu-deelnemen"), ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, long version, CancellationToken ct) =>
        await DoneAsync(id, "close", await Api.CloseOptInAsync(id, IfMatch(version), "", ct),
            Text("deelname-afgesloten-2"), ct);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, long version, string publicationReference, CancellationToken ct)
    {
        const string form = "publish";
        if (DateFrom(form, "publishedOn", Request.Form["publishedOn"]) is not { } on)
            return await ShowAsync(id, ct);
        return await DoneAsync(id, form, await Api.PublishAsync(id, IfMatch(version), "", new PublishTenderRequest(publicationReference ?? "", on), ct),
            Text("bekendmaking-vastgelegd"), ct);
    }

    public async Task<IActionResult> OnPostAwardAsync(
        Guid id, long version, int lotNumber, string supplierName, string supplierId, string? periodDifferenceReason, string? agreement, CancellationToken ct)
    {
        var form = $"award-{lotNumber}";
        var amount = AmountFrom(form, "awardedAmountExclVat", Request.Form["awardedAmountExclVat"]);
        var start = DateFrom(form, "contractStart", Request.Form["contractStart"]);
        var end = DateFrom(form, "contractEnd", Request.Form["contractEnd"]);
        // Left empty, the API takes today for the decision and the contract's start for its conclusion.
        var decided = Request.Form["decidedOn"].ToString() is { Length: > 0 } d ? DateFrom(form, "decidedOn", d) : null;
        var concluded = Request.Form["concludedOn"].ToString() is { Length: > 0 } c ? DateFrom(form, "concludedOn", c) : null;
        if (amount is null || start is null || end is null || !ModelState.IsValid)
            return await ShowAsync(id, ct);
        var request = new AwardLotRequest(supplierName ?? "", supplierId ?? "", amount.Value, start.Value, end.Value,
            PeriodDifferenceReason: string.IsNullOrWhiteSpace(periodDifferenceReason) ? null : periodDifferenceReason, DecidedOn: decided, ConcludedOn: concluded,
            Agreement: string.IsNullOrWhiteSpace(agreement) ? null : agreement);
        return await DoneAsync(id, form,
            await Api.AwardLotAsync(id, lotNumber, IfMatch(version), "", request, ct),
            Text("perceel-gegund-elk-bestuur-krijgt-zijn", lotNumber), ct, $"lot-{lotNumber}");
    }

    /// <summary>Notice that the contract will not renew: it ends with its current period, for every administration.</summary>
    public async Task<IActionResult> OnPostNotRenewAsync(Guid id, long version, int lotNumber, string reason, CancellationToken ct) =>
        await DoneAsync(id, $"notrenew-{lotNumber}",
            await Api.GiveNoticeNotToRenewAsync(id, lotNumber, IfMatch(version), "", new ReasonRequest(reason ?? ""), ct),
            Text("opgezegd-perceel-wordt-niet-verlengd", lotNumber), ct, $"lot-{lotNumber}");

    /// <summary>Ending the contract early, on a ground (the supplier's default, mutual agreement, bankruptcy, other).</summary>
    public async Task<IActionResult> OnPostTerminateAsync(Guid id, long version, int lotNumber, string ground, string reason, CancellationToken ct)
    {
        var form = $"terminate-{lotNumber}";
        if (DateFrom(form, "effectiveOn", Request.Form["effectiveOn"]) is not { } effective)
            return await ShowAsync(id, ct);
        return await DoneAsync(id, form,
            await Api.TerminateLotAsync(id, lotNumber, IfMatch(version), "", new TerminateLotRequest(effective, reason ?? "", ground), ct),
            Text("perceel-beeindigd-2", lotNumber), ct, $"lot-{lotNumber}");
    }

    /// <summary>An administration records one of its own decisions: the conditions, its award of a lot, or a renewal.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(
        Guid id, long version, string administration, string kind, int? lotNumber, int? renewal, string body, string? bodyName, string reference,
        CancellationToken ct)
    {
        const string form = "decision";
        if (DateFrom(form, "decidedOn", Request.Form["decidedOn"]) is not { } decided)
            return await ShowAsync(id, ct);
        var request = new RecordDecisionRequest(kind ?? "", body ?? "", decided, reference ?? "", kind == "Conditions" ? null : lotNumber,
            kind == "Renewal" ? renewal : null, string.IsNullOrWhiteSpace(bodyName) ? null : bodyName);
        return await DoneAsync(id, form, await Api.RecordDecisionAsync(id, administration ?? "", IfMatch(version), "", request, ct),
            Text("besluit-geregistreerd"), ct, "decisions");
    }

    /// <summary>An administration records an order it placed under the lot's framework agreement.</summary>
    public async Task<IActionResult> OnPostOrderAsync(
        Guid id, long version, int lotNumber, string administration, string reference, string? budgetLine, CancellationToken ct)
    {
        var form = $"order-{lotNumber}";
        var on = DateFrom(form, "orderedOn", Request.Form["orderedOn"]);
        var exclVat = AmountFrom(form, "amountExclVat", Request.Form["amountExclVat"]);
        var inclVat = AmountFrom(form, "amountInclVat", Request.Form["amountInclVat"], optional: true);
        if (on is null || exclVat is null || !ModelState.IsValid)
            return await ShowAsync(id, ct);
        var request = new PlaceOrderRequest(on.Value, reference ?? "", exclVat.Value, inclVat, string.IsNullOrWhiteSpace(budgetLine) ? null : budgetLine);
        return await DoneAsync(id, form, await Api.PlaceOrderAsync(id, lotNumber, administration ?? "", IfMatch(version), "", request, ct),
            Text("bestelling-geregistreerd", reference), ct, $"lot-{lotNumber}");
    }

    /// <summary>The purchasing cell lets an administration order more than its share, with the reason.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(Guid id, long version, int lotNumber, string administration, string reason, CancellationToken ct)
    {
        var form = $"raise-{lotNumber}";
        if (AmountFrom(form, "amountExclVat", Request.Form["amountExclVat"]) is not { } amount)
            return await ShowAsync(id, ct);
        return await DoneAsync(id, form, await Api.RaiseShareCeilingAsync(id, lotNumber, administration ?? "", IfMatch(version), "",
            new RaiseShareRequest(amount, reason ?? ""), ct), Text("aandeel-verhoogd", administration), ct, $"lot-{lotNumber}");
    }

    /// <summary>An administration declines the next renewal for itself; the others continue.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(Guid id, long version, int lotNumber, string administration, CancellationToken ct) =>
        await DoneAsync(id, $"decline-{lotNumber}", await Api.DeclineRenewalAsync(id, lotNumber, administration ?? "", IfMatch(version), "", ct),
            Text("verlenging-geweigerd-door", administration), ct, $"lot-{lotNumber}");

    /// <summary>The purchasing cell renews ahead of the tacit renewal, for those that did not decline.</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid id, long version, int lotNumber, CancellationToken ct) =>
        await DoneAsync(id, $"renew-{lotNumber}", await Api.RenewLotAsync(id, lotNumber, IfMatch(version), "", ct),
            Text("perceel-verlengd-voor-wie-bleef", lotNumber), ct, $"lot-{lotNumber}");

    public async Task<IActionResult> OnPostCancelAsync(Guid id, long version, string reason, CancellationToken ct) =>
        await DoneAsync(id, "cancel", await Api.CancelTenderAsync(id, IfMatch(version), "", new ReasonRequest(reason ?? ""), ct),
            Text("opdracht-stopgezet-2"), ct);

    private Task<IActionResult> DoneAsync(Guid id, string form, Refit.IApiResponse<TenderView> response, string notice, CancellationToken ct, string? anchor = null) =>
        AfterWriteAsync(form, response, notice, $"/tenders/{id}{(anchor is null ? "" : "#" + anchor)}", () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var response = await Api.GetTenderAsync(id, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return NotFoundPage();
        Tender = Accepted(response);
        await FindCpvAsync(ct);
        if (SeesAll)
            History = (await Api.GetHistoryAsync(id, ct)).Content;
        return Page();
    }

    private static int Int(Microsoft.Extensions.Primitives.StringValues value) => int.TryParse(value, out var n) ? n : 0;
}
