using System.Globalization;
using System.Net.Http.Json;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using Refit;

// Usage: Aankopen.Demo API_URL SIMULATOR_URL ISSUER_URL
if (args.Length != 3 || !Uri.TryCreate(args[0], UriKind.Absolute, out var apiUrl) || !Uri.TryCreate(args[1], UriKind.Absolute, out var simulatorUrl)
    || !Uri.TryCreate(args[2], UriKind.Absolute, out var issuerUrl))
{
    Console.Error.WriteLine("usage: Aankopen.Demo API_URL SIMULATOR_URL ISSUER_URL (the local development issuer)");
    return 64;
}

var belgian = CultureInfo.GetCultureInfo("nl-BE");
const string cell = "aankoopcel@jette.example";
const string cityStaff = "personeelsdienst@jette.example";
const string ocmwStaff = "personeel@ocmw-jette.example";
// The demo's people, signed in through the development issuer: the cell, and one person of each administration,
// who may act for that administration only.
var actsFor = new Dictionary<string, string>();
var api = RestService.ForGenerated<IAankopenApi>(new HttpClient(new DevIssuerTokens(issuerUrl,
    user => actsFor.TryGetValue(user, out var administration)
        ? new DevTokenRequest(user, [Access.Roles.AdministrationUser], [administration])
        : new DevTokenRequest(user, [Access.Roles.PurchasingCell]), cell))
{ BaseAddress = apiUrl });
var simulator = new HttpClient { BaseAddress = simulatorUrl };

void Say(string nl, string fr) => Console.WriteLine($"  {nl}\n    / {fr}");

var administrations = await api.ListAdministrationsAsync();
var city = administrations.First(a => a.Kind == "City");
var ocmw = administrations.First(a => a.Kind == "Ocmw");
actsFor[cityStaff] = city.Code;
actsFor[ocmwStaff] = ocmw.Code;

var reference = $"AC-2027-{Random.Shared.Next(100, 999)}";
var opened = await api.OpenTenderAsync(cell, new OpenTenderRequest(reference, "Maaltijdcheques 2027", "Chèques-repas 2027",
    "30199770-8", "Open", city.Code, [city.Code, ocmw.Code], DateTimeOffset.UtcNow.AddDays(21)));
var tender = await Task.FromResult(opened).OrThrowAsync();
var etag = opened.ETag();
Say($"De aankoopcel opende {reference} \"{tender.TitleNl}\" voor {city.NameNl} en {ocmw.NameNl}.",
    $"La cellule d'achat a ouvert {reference} « {tender.TitleFr} » pour {city.NameFr} et {ocmw.NameFr}.");

async Task<TenderView> Step(Func<string, Task<IApiResponse<TenderView>>> call)
{
    var response = await call(etag);
    var view = await Task.FromResult(response).OrThrowAsync();
    etag = response.ETag();
    return view;
}

var yearlyRenewal = new ContractTermsRequest(new DateOnly(2027, 1, 1), 12, Renewable: true, RenewalMonths: 12, MaxRenewals: 3, NoticeDays: 90);
await Step(e => api.AddLotAsync(tender.Id, e, cell, new LotRequest(null, "Papieren maaltijdcheques", "30199770-8", 120_000m, 0m, yearlyRenewal)));
await Step(e => api.AddLotAsync(tender.Id, e, cell, new LotRequest(null, "Elektronische maaltijdcheques", "30199770-8", 380_000m, 0m, yearlyRenewal)));
Say("Twee percelen toegevoegd: papieren en elektronische maaltijdcheques.", "Deux lots ajoutés : chèques-repas papier et électroniques.");

await Step(e => api.OptInAsync(tender.Id, 1, city.Code, e, cityStaff, new OptInRequest(90_000m, "0131/123-48")));
await Step(e => api.OptInAsync(tender.Id, 1, ocmw.Code, e, ocmwStaff, new OptInRequest(30_000m, "0900/123-48")));
await Step(e => api.OptInAsync(tender.Id, 2, city.Code, e, cityStaff, new OptInRequest(260_000m, "0131/123-48")));
await Step(e => api.OptInAsync(tender.Id, 2, ocmw.Code, e, ocmwStaff, new OptInRequest(120_000m, "0900/124-48")));
Say($"{city.Code} tekent in op perceel 1 voor {90_000m.ToString("C", belgian)}, {ocmw.Code} voor {30_000m.ToString("C", belgian)}.",
    $"{city.Code} adhère au lot 1 pour {90_000m.ToString("C", belgian)}, {ocmw.Code} pour {30_000m.ToString("C", belgian)}.");

var closed = await Step(e => api.CloseOptInAsync(tender.Id, e, cell));
Say("De intekening is afgesloten.", "L'adhésion est clôturée.");
Console.WriteLine("      perceel / lot        " + string.Join("", closed.Matrix.Administrations.Select(a => $"{a,16}")));
foreach (var row in closed.Matrix.Rows)
    Console.WriteLine($"      {row.LotNumber} {row.Status,-18}" + string.Join("", row.Cells.Select(c =>
        $"{(c.EstimatedAmountExclVat is { } amount ? amount.ToString("C", belgian) : "-"),16}")));

// The date in Brussels, as the service judges publication and decision dates.
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime);
await Step(e => api.PublishAsync(tender.Id, e, cell, new PublishTenderRequest($"BDA-{reference}", today)));
Say("De opdracht is bekendgemaakt.", "Le marché a été publié.");

// Each administration decides through its own bodies: both councils approve the conditions, the city's college awards
// its share before the lot is awarded, the OCMW's standing bureau only afterwards.
await Step(e => api.RecordDecisionAsync(tender.Id, city.Code, e, cityStaff, new RecordDecisionRequest("Conditions", "MunicipalCouncil", today, "GR/2026/101")));
await Step(e => api.RecordDecisionAsync(tender.Id, ocmw.Code, e, ocmwStaff, new RecordDecisionRequest("Conditions", "SocialWelfareCouncil", today, "RMW/2026/57")));
await Step(e => api.RecordDecisionAsync(tender.Id, city.Code, e, cityStaff, new RecordDecisionRequest("Award", "College", today, "CBS/2026/880", 1)));
Say("Gemeenteraad en raad voor maatschappelijk welzijn keuren de voorwaarden goed; het college gunt het aandeel van de gemeente.",
    "Le conseil communal et le conseil de l'action sociale approuvent les conditions ; le collège attribue la part de la commune.");

var awarded = await Step(e => api.AwardLotAsync(tender.Id, 1, e, cell,
    new AwardLotRequest("Cheques & Co NV", "0403.170.701", 100_000.01m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))));
Say($"Perceel 1 gegund aan Cheques & Co NV voor {100_000.01m.ToString("C", belgian)} (excl. btw); verdeling:",
    $"Lot 1 attribué à Cheques & Co NV pour {100_000.01m.ToString("C", belgian)} (HTVA) ; répartition :");
foreach (var share in awarded.Lots[0].Award!.Shares)
    Console.WriteLine($"      {share.Administration,-10} {share.AmountExclVat.ToString("C", belgian),16}  {share.BudgetLine}");
Say($"Het aandeel van {string.Join(", ", awarded.Lots[0].Award!.AwaitingDecision ?? [])} wacht op het eigen gunningsbesluit.",
    $"La part de {string.Join(", ", awarded.Lots[0].Award!.AwaitingDecision ?? [])} attend sa propre décision d'attribution.");
await Step(e => api.RecordDecisionAsync(tender.Id, ocmw.Code, e, ocmwStaff, new RecordDecisionRequest("Award", "StandingBureau", today, "VB/2026/233", 1)));
Say("Het vast bureau van het OCMW gunt zijn aandeel; nu hoort ook zijn financieel pakket het.",
    "Le bureau permanent du CPAS attribue sa part ; son système comptable l'apprend maintenant.");

// Lot 2 becomes a framework agreement running from today: the award sets each administration's ceiling, and each
// order it places is its own commitment.
await Step(e => api.RecordDecisionAsync(tender.Id, city.Code, e, cityStaff, new RecordDecisionRequest("Award", "College", today, "CBS/2026/881", 2)));
await Step(e => api.RecordDecisionAsync(tender.Id, ocmw.Code, e, ocmwStaff, new RecordDecisionRequest("Award", "StandingBureau", today, "VB/2026/234", 2)));
await Step(e => api.AwardLotAsync(tender.Id, 2, e, cell, new AwardLotRequest("Cheques & Co NV", "0403.170.701", 380_000m, today,
    today.AddYears(1).AddDays(-1), PeriodDifferenceReason: null, Agreement: "Framework")));
Say("Perceel 2 gegund als raamovereenkomst: elk aandeel is een plafond, elke bestelling een vastlegging.",
    "Lot 2 attribué comme accord-cadre : chaque part est un plafond, chaque commande un engagement.");
await Step(e => api.PlaceOrderAsync(tender.Id, 2, city.Code, e, cityStaff, new PlaceOrderRequest(today, "BB/2026/0412", 10_000m)));
var ordered = await Step(e => api.PlaceOrderAsync(tender.Id, 2, ocmw.Code, e, ocmwStaff, new PlaceOrderRequest(today, "BB-OCMW/2026/77", 96_000m)));
var used = ordered.Lots.Single(l => l.Number == 2).Consumption!.Single(c => c.Administration == ocmw.Code);
Say($"{ocmw.Code} bestelde {used.OrderedExclVat.ToString("C", belgian)} van {used.CeilingExclVat.ToString("C", belgian)} ({used.Percent} %)"
        + (used.Warning ? $": waarschuwing vanaf {used.WarningPercent} %." : "."),
    $"{ocmw.Code} a commandé {used.OrderedExclVat.ToString("C", belgian)} sur {used.CeilingExclVat.ToString("C", belgian)} ({used.Percent} %)"
        + (used.Warning ? $" : alerte dès {used.WarningPercent} %." : "."));

Console.WriteLine();
Say("Wachten tot elk financieel pakket zijn eigen deel boekt...", "En attente de la comptabilisation par chaque système comptable...");
var deadline = DateTime.UtcNow.AddSeconds(60);
var booked = new Dictionary<string, List<CommitmentRequest>>();
while (DateTime.UtcNow < deadline)
{
    foreach (var code in new[] { city.Code, ocmw.Code })
    {
        var bookings = await simulator.GetFromJsonAsync<List<BookingLine>>($"systems/{code}/commitments") ?? [];
        booked[code] = bookings.Select(b => b.Request).Where(r => r.TenderReference == reference).ToList();
    }
    // Each administration's share of lot 1 and its own order under lot 2.
    if (booked.Values.All(b => b.Count >= 2))
        break;
    await Task.Delay(200);
}

foreach (var (code, bookings) in booked)
{
    Console.WriteLine($"  Financieel pakket / système comptable {code}:");
    if (bookings.Count == 0)
        Console.WriteLine("      (nog niets geboekt / rien de comptabilisé)");
    foreach (var b in bookings)
        Console.WriteLine($"      {b.TenderReference} perceel {b.LotNumber}  {b.Kind,-6} {b.AdministrationCode,-10} {b.AmountInclVat.ToString("C", belgian),16}  {b.BudgetLine}");
}
var allOwn = booked.All(kv => kv.Value.Count == 2 && kv.Value.All(b => b.AdministrationCode == kv.Key)
    && kv.Value.Count(b => b.Kind == CommitmentKind.Award && b.LotNumber == 1) == 1 && kv.Value.Count(b => b.Kind == CommitmentKind.Order && b.LotNumber == 2) == 1);
Say(allOwn ? "Elk bestuur boekte precies zijn eigen deel, één keer." : "Niet elk bestuur boekte zijn deel (zie hierboven).",
    allOwn ? "Chaque administration a comptabilisé exactement sa propre part, une fois." : "Toutes les administrations n'ont pas comptabilisé leur part (voir ci-dessus).");
return allOwn ? 0 : 1;

internal sealed record BookingLine(string Id, CommitmentRequest Request);
