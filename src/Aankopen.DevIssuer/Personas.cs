using Aankopen.Contracts.Api.V1;

namespace Aankopen.DevIssuer;

/// <summary>
/// The people one can sign in as on the development issuer's page (<c>Issuer:Personas</c>); by default the demo's
/// purchasing cell, someone of the city and of the OCMW of Jette, an auditor and an operator.
/// </summary>
public sealed record Persona(string User, string LabelNl, string LabelFr, string[] Roles, string[]? Administrations = null, string? Tenant = null)
{
    public static IReadOnlyList<Persona> From(IConfiguration configuration) =>
        configuration.GetSection("Issuer:Personas").Get<List<Persona>>() is { Count: > 0 } configured ? configured : Jette;

    private static readonly Persona[] Jette =
    [
        new("aankoopcel@jette.example", "Aankoopcel (Gemeente en OCMW Jette)", "Cellule d'achat (Commune et CPAS de Jette)", [Access.Roles.PurchasingCell]),
        new("gemeente@jette.example", "Medewerker Gemeente Jette", "Agent de la Commune de Jette", [Access.Roles.AdministrationUser], ["GEMEENTE"]),
        new("ocmw@jette.example", "Medewerker OCMW Jette", "Agent du CPAS de Jette", [Access.Roles.AdministrationUser], ["OCMW"]),
        new("auditor@jette.example", "Auditor", "Auditeur", [Access.Roles.Auditor]),
        new("operator@jette.example", "Beheerder (IT)", "Gestionnaire (IT)", [Access.Roles.Operator]),
    ];
}
