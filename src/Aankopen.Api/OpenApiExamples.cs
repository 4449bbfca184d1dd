using System.Text.Json;
using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.OpenApi;

namespace Aankopen.Api;

/// <summary>
/// Example bodies in the OpenAPI document, taken from the meal-voucher tender of the demo, so the browsable
/// reference (/scalar) can send a request that works as is.
/// </summary>
public static class OpenApiExamples
{
    private static readonly ContractTermsRequest Terms = new(new DateOnly(2027, 1, 1), 12, true, 12, 3, 90);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(OpenTenderRequest)] = new OpenTenderRequest("AC-2027-001", "Maaltijdcheques 2027", "Chèques-repas 2027", "30199770-8", "Open",
            "GEMEENTE", ["GEMEENTE", "OCMW"], new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero), "Supplies"),
        [typeof(LotRequest)] = new LotRequest(null, "Elektronische maaltijdcheques", "30199770-8", 380_000m, 0m, Terms),
        [typeof(ContractTermsRequest)] = Terms,
        [typeof(OptInRequest)] = new OptInRequest(90_000m, "0131/123-48", 1_800m),
        [typeof(PublishTenderRequest)] = new PublishTenderRequest("BDA-2026-512345", new DateOnly(2027, 1, 20)),
        [typeof(AwardLotRequest)] = new AwardLotRequest("Cheques & Co NV", "0403.170.701", 100_000.01m, new DateOnly(2027, 3, 1), new DateOnly(2028, 2, 29)),
        [typeof(ShareRequest)] = new ShareRequest("OCMW", 25_000m),
        [typeof(ReasonRequest)] = new ReasonRequest("Geen regelmatige offerte ontvangen"),
        [typeof(TerminateLotRequest)] = new TerminateLotRequest(new DateOnly(2027, 9, 30), "Wanprestatie van de leverancier"),
        [typeof(RegisterAdministrationRequest)] = new RegisterAdministrationRequest("POLITIE", "Politiezone Brussel-West", "Zone de police Bruxelles-Ouest", "0250.000.177", "PoliceZone"),
        [typeof(ChangeAdministrationRequest)] = new ChangeAdministrationRequest("OCMW Jette", "CPAS de Jette", "0212.000.131", "Ocmw"),
        [typeof(RegisterCentralRequest)] = new RegisterCentralRequest("FOR-CMS", "Federale aankoopcentrale", "Centrale d'achat fédérale", "0250.000.177", "Federal"),
        [typeof(JoinCentralRequest)] = new JoinCentralRequest("OCMW", "FOR-CMS", "OCMW-raad", new DateOnly(2026, 9, 14), "RMW/2026/117",
            new ScopeDto(["Papier"], [30, 48]), new DateOnly(2027, 1, 1), new DateOnly(2029, 12, 31), 3),
        [typeof(ChangeScopeRequest)] = new ChangeScopeRequest(new ScopeDto(["Papier", "Energie"], [9, 30]), "RMW/2027/3"),
        [typeof(RenewMembershipRequest)] = new RenewMembershipRequest(new DateOnly(2032, 12, 31), "RMW/2029/5"),
        [typeof(EndMembershipRequest)] = new EndMembershipRequest(new DateOnly(2028, 12, 31), "Eigen raamcontract gegund"),
    };

    public static void AddExamples(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Options)!];
            return Task.CompletedTask;
        });
}
