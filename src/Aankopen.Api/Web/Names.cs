using Aankopen.Domain;
using static Aankopen.Api.Web.Language;

namespace Aankopen.Api.Web;

/// <summary>What the API's status and kind names are called in Dutch and French on the pages.</summary>
public static class Names
{
    public static string TenderStatus(string status) => status switch
    {
        "Draft" => T("In voorbereiding", "En préparation"),
        "OpenForOptIn" => T("Open voor deelname", "Ouvert à la participation"),
        "OptInClosed" => T("Deelname afgesloten", "Participation clôturée"),
        "Published" => T("Bekendgemaakt", "Publié"),
        "Cancelled" => T("Stopgezet", "Annulé"),
        _ => status,
    };

    public static string LotStatus(string status) => status switch
    {
        "Open" => T("Open", "Ouvert"),
        "Dropped" => T("Vervallen (geen deelnemers)", "Abandonné (aucun participant)"),
        "Awarded" => T("Gegund", "Attribué"),
        "NotAwarded" => T("Niet gegund", "Non attribué"),
        "Terminated" => T("Beëindigd", "Résilié"),
        "Ended" => T("Afgelopen", "Échu"),
        _ => status,
    };

    /// <summary>The grounds for ending a contract early, in the order the form offers them.</summary>
    public static readonly string[] TerminationGrounds = ["Default", "MutualAgreement", "Bankruptcy", "Other"];

    public static string TerminationGround(string ground) => ground switch
    {
        "Default" => T("Wanprestatie van de opdrachtnemer", "Défaillance de l'adjudicataire"),
        "MutualAgreement" => T("In onderling akkoord", "De commun accord"),
        "Bankruptcy" => T("Faillissement van de opdrachtnemer", "Faillite de l'adjudicataire"),
        "Other" => T("Andere grond", "Autre motif"),
        _ => ground,
    };

    public static string ParticipationStatus(string status) =>
        Enum.TryParse<Tenders.ReadModels.ParticipationStatus>(status, out var known) ? Tenders.ExportCsv.FinanceCsvEndpoints.StatusName(known, Language.IsFrench) : status;

    public static readonly string[] Procedures =
        ["Open", "Restricted", "CompetitiveProcedureWithNegotiation", "NegotiatedWithPriorPublication", "NegotiatedWithoutPriorPublication", "AcceptedInvoice"];

    /// <summary>A procedure by its name in the law, as a page shows it (capitalised).</summary>
    public static string Procedure(string procedure) => Wording.Capitalised(Wording.Procedure(procedure, IsFrench));


    public static string Event(string name) => name switch
    {
        "TenderOpened" => T("Opdracht geopend", "Marché ouvert"),
        "OptInOpened" => T("Open voor deelname", "Ouvert à la participation"),
        "LotAdded" => T("Perceel toegevoegd", "Lot ajouté"),
        "LotChanged" => T("Perceel gewijzigd", "Lot modifié"),
        "LotRemoved" => T("Perceel verwijderd", "Lot supprimé"),
        "OptedIn" => T("Deelname", "Participation"),
        "OptInChanged" => T("Deelname gewijzigd", "Participation modifiée"),
        "OptInWithdrawn" => T("Deelname ingetrokken", "Participation retirée"),
        "OptInClosed" => T("Deelname afgesloten", "Participation clôturée"),
        "TenderPublished" => T("Bekendgemaakt", "Publié"),
        "LotAwarded" => T("Perceel gegund", "Lot attribué"),
        "LotNotAwarded" => T("Perceel niet gegund", "Lot non attribué"),
        "TenderCancelled" => T("Opdracht stopgezet", "Marché annulé"),
        "LotTerminated" => T("Perceel beëindigd", "Lot résilié"),
        "LotRenewed" => T("Perceel verlengd", "Lot reconduit"),
        "LotEnded" => T("Perceel afgelopen", "Lot échu"),
        "RenewalBecameDue" => T("Verlenging te beslissen", "Reconduction à décider"),
        "RenewalDeclined" => T("Verlenging geweigerd", "Reconduction refusée"),
        "LotNotRenewed" => T("Opgezegd, niet verlengd", "Préavis donné, non reconduit"),
        _ => name,
    };
}
