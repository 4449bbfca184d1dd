using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Refit;

namespace Aankopen.IntegrationTests;

/// <summary>Drives the demo's tender through the API, carrying the ETag from one call to the next.</summary>
public sealed class MealVoucherTender(HttpClient http)
{
    public const string Cell = "aankoopcel@jette.example";
    public const string SupplierNumber = "0403.170.701";

    public IAankopenApi Api { get; } = RestService.ForGenerated<IAankopenApi>(http);
    public Guid Id { get; private set; }
    public string ETag { get; private set; } = "";

    public static OpenTenderRequest Opening(string reference) => new(
        reference, "Maaltijdcheques 2027", "Chèques-repas 2027", "30199770-8", "Open", "GEMEENTE", ["GEMEENTE", "OCMW"],
        DateTimeOffset.UtcNow.AddDays(14));

    /// <summary>Carries on with a tender opened by hand.</summary>
    public void Resume(IApiResponse<TenderView> opened)
    {
        Id = opened.Content?.Id ?? throw new InvalidOperationException($"Opening failed: {(opened.Error as ApiException)?.Content}");
        ETag = opened.ETag();
    }

    /// <summary>Carries on after a call sent by hand, with the ETag it answered.</summary>
    public void Carry(string etag) => ETag = etag;

    public async Task<TenderView> OpenWithTwoLotsAsync(string reference)
    {
        var opened = await Api.OpenTenderAsync(Cell, Opening(reference));
        Resume(opened);
        await Step(api => api.AddLotAsync(Id, ETag, Cell, Lot("Papieren maaltijdcheques", 120_000m)));
        return await Step(api => api.AddLotAsync(Id, ETag, Cell, Lot("Elektronische maaltijdcheques", 80_000m)));
    }

    /// <summary>
    /// A tender the city conducts on behalf of the OCMW (the city acting as its purchasing central): one lot, which the
    /// OCMW opted into; still open for opt-ins.
    /// </summary>
    public async Task<TenderView> OnBehalfOfTheOcmwAsync(string reference, string lotTitle, decimal estimate, string budgetLine)
    {
        Resume(await Api.OpenTenderAsync(Cell, Opening(reference) with { Arrangement = "OnBehalf" }));
        await Step(api => api.AddLotAsync(Id, ETag, Cell, Lot(lotTitle, estimate)));
        return await OptInAsync(1, "OCMW", estimate, budgetLine);
    }

    public Task<TenderView> OptInAsync(int lot, string administration, decimal estimate, string budgetLine) =>
        Step(api => api.OptInAsync(Id, lot, administration, ETag, $"{administration.ToLowerInvariant()}@jette.example",
            new OptInRequest(estimate, budgetLine)));

    public static readonly ContractTermsRequest YearlyForFourYears = new(new DateOnly(2027, 1, 1), 12, true, 12, 3, 90);

    public static LotRequest Lot(string title, decimal estimate, int? number = null) =>
        new(number, title, "30199770-8", estimate, 0m, YearlyForFourYears);

    public Task<TenderView> CloseAsync() => Step(api => api.CloseOptInAsync(Id, ETag, Cell));

    public Task<TenderView> PublishAsync() =>
        Step(api => api.PublishAsync(Id, ETag, Cell, new PublishTenderRequest("BDA-2026-500123", Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow))));

    /// <summary>
    /// The demo's story up to the award: the city and the OCMW opt into lot 1 (90,000 and 30,000), the OCMW also
    /// into lot 2, the opt-in closes, the tender is published and lot 1 is awarded for 100,000.01.
    /// </summary>
    public async Task<TenderView> AwardedDemoAsync(string reference)
    {
        await PublishedDemoAsync(reference);
        return await AwardAsync(1, 100_000.01m);
    }

    /// <summary>The demo's story up to the publication, ready for awards.</summary>
    public async Task<TenderView> PublishedDemoAsync(string reference)
    {
        await OpenWithTwoLotsAsync(reference);
        await OptInAsync(1, "GEMEENTE", 90_000m, "0100/123-48");
        await OptInAsync(1, "OCMW", 30_000m, "0900/123-48");
        await OptInAsync(2, "OCMW", 20_000m, "0900/124-48");
        return await CloseAndPublishAsync();
    }

    public async Task<TenderView> CloseAndPublishAsync()
    {
        await CloseAsync();
        return await PublishAsync();
    }

    /// <summary>
    /// Awards the lot after each administration taking part in it has recorded what it still lacked: its council's
    /// approval of the conditions and its own award decision, so that every share is committed at once.
    /// </summary>
    public async Task<TenderView> AwardAsync(int lot, decimal amount)
    {
        await DecideMissingAsync(lot);
        return await Step(api => api.AwardLotAsync(Id, lot, ETag, Cell,
            new AwardLotRequest("Cheques & Co NV", SupplierNumber, amount, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))));
    }

    /// <summary>
    /// Awards the lot as a framework agreement running from today (in Brussels, as the service counts it) for a year,
    /// after the decisions still missing, so that orders can be placed at once.
    /// </summary>
    public async Task<TenderView> AwardFrameworkAsync(int lot, decimal amount)
    {
        await DecideMissingAsync(lot);
        var start = Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow);
        return await Step(api => api.AwardLotAsync(Id, lot, ETag, Cell,
            new AwardLotRequest("Kantoor & Co NV", SupplierNumber, amount, start, start.AddYears(1).AddDays(-1), Agreement: "Framework")));
    }

    public Task<TenderView> OrderAsync(int lot, string administration, decimal amountExclVat, string reference) =>
        Step(api => api.PlaceOrderAsync(Id, lot, administration, ETag, $"{administration.ToLowerInvariant()}@jette.example",
            new PlaceOrderRequest(Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow), reference, amountExclVat)));

    /// <summary>Records the conditions and award decisions still missing for the lot, as each administration's own user.</summary>
    public async Task DecideMissingAsync(int lot)
    {
        var view = await Api.GetTenderAsync(Id).OrThrowAsync();
        foreach (var gap in view.MissingDecisions ?? [])
        {
            if (gap.Standing is null && (gap.Kind == "Conditions" || (gap.Kind == "Award" && gap.LotNumber == lot)))
                await DecideAsync(gap.Administration, gap.Kind, gap.LotNumber);
        }
    }

    public Task<TenderView> DecideAsync(string administration, string kind, int? lot = null, int? renewal = null) =>
        Step(api => api.RecordDecisionAsync(Id, administration, ETag, $"{administration.ToLowerInvariant()}@jette.example",
            new RecordDecisionRequest(kind, BodyOf(administration), new DateOnly(2026, 11, 2), $"{administration}/{kind}/{lot}", lot, renewal,
                administration is "GEMEENTE" or "OCMW" ? null : "Raad")));

    private static string BodyOf(string administration) => administration switch
    {
        "GEMEENTE" => "MunicipalCouncil",
        "OCMW" => "SocialWelfareCouncil",
        _ => "Other",
    };

    public async Task<TenderView> Step(Func<IAankopenApi, Task<IApiResponse<TenderView>>> call)
    {
        var response = await call(Api);
        var view = await Task.FromResult(response).OrThrowAsync();
        ETag = response.ETag();
        return view;
    }
}
