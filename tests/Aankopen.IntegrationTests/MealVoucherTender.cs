using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Refit;

namespace Aankopen.IntegrationTests;

/// <summary>Drives the demo's tender through the API, carrying the ETag from one call to the next.</summary>
public sealed class MealVoucherTender(HttpClient http)
{
    public const string Cell = "aankoopcel@jette.example";
    public const string SupplierNumber = "0212.000.131";

    public IAankopenApi Api { get; } = RestService.ForGenerated<IAankopenApi>(http);
    public Guid Id { get; private set; }
    public string ETag { get; private set; } = "";

    public static OpenTenderRequest Opening(string reference) => new(
        reference, "Maaltijdcheques 2027", "Chèques-repas 2027", "30199770-8", "Open", "GEMEENTE", ["GEMEENTE", "OCMW"],
        DateTimeOffset.UtcNow.AddDays(14));

    public async Task<TenderView> OpenWithTwoLotsAsync(string reference)
    {
        var opened = await Api.OpenTenderAsync(Cell, Opening(reference));
        var view = await Task.FromResult(opened).OrThrowAsync();
        (Id, ETag) = (view.Id, opened.ETag());
        await Step(api => api.AddLotAsync(Id, ETag, Cell, new AddLotRequest(null, "Papieren maaltijdcheques", "30199770-8", 120_000m, 0m)));
        return await Step(api => api.AddLotAsync(Id, ETag, Cell, new AddLotRequest(null, "Elektronische maaltijdcheques", "30199770-8", 80_000m, 0m)));
    }

    public Task<TenderView> OptInAsync(int lot, string administration, decimal estimate, string budgetLine) =>
        Step(api => api.OptInAsync(Id, lot, administration, ETag, $"{administration.ToLowerInvariant()}@jette.example",
            new OptInRequest(estimate, budgetLine)));

    public Task<TenderView> CloseAsync() => Step(api => api.CloseOptInAsync(Id, ETag, Cell));

    public Task<TenderView> AwardAsync(int lot, decimal amount) =>
        Step(api => api.AwardLotAsync(Id, lot, ETag, Cell,
            new AwardLotRequest("Cheques & Co NV", SupplierNumber, amount, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))));

    private async Task<TenderView> Step(Func<IAankopenApi, Task<IApiResponse<TenderView>>> call)
    {
        var response = await call(Api);
        var view = await Task.FromResult(response).OrThrowAsync();
        ETag = response.ETag();
        return view;
    }
}
