using Aankopen.Domain;
using static Aankopen.Web.Language;

namespace Aankopen.Web;

/// <summary>What the API's status and kind names are called in Dutch and French on the pages.</summary>
public static class Names
{
    public static string TenderStatus(string status) => status switch
    {
        "Draft" => Text("in-voorbereiding"),
        "OpenForOptIn" => Text("open-voor-deelname"),
        "OptInClosed" => Text("deelname-afgesloten"),
        "Published" => Text("bekendgemaakt"),
        "Cancelled" => Text("stopgezet"),
        _ => status,
    };

    public static string LotStatus(string status) => status switch
    {
        "Open" => Text("open"),
        "Dropped" => Text("vervallen-geen-deelnemers"),
        "Awarded" => Text("gegund"),
        "NotAwarded" => Text("niet-gegund"),
        "Terminated" => Text("beeindigd"),
        "Ended" => Text("afgelopen"),
        _ => status,
    };

    /// <summary>The grounds for ending a contract early, in the order the form offers them.</summary>
    public static readonly string[] TerminationGrounds = ["Default", "MutualAgreement", "Bankruptcy", "Other"];

    public static string TerminationGround(string ground) => ground switch
    {
        "Default" => Text("wanprestatie-van-de-opdrachtnemer"),
        "MutualAgreement" => Text("in-onderling-akkoord"),
        "Bankruptcy" => Text("faillissement-van-de-opdrachtnemer"),
        "Other" => Text("andere-grond"),
        _ => ground,
    };

    public static string ParticipationStatus(string status) => Aankopen.Reports.ReportTexts.Participation(status, Language.IsFrench);

    public static readonly string[] Procedures =
        ["Open", "Restricted", "CompetitiveProcedureWithNegotiation", "NegotiatedWithPriorPublication", "NegotiatedWithoutPriorPublication", "AcceptedInvoice"];

    /// <summary>A procedure by its name in the law, as a page shows it (capitalised).</summary>
    public static string Procedure(string procedure) => Wording.Capitalised(Wording.Procedure(procedure, IsFrench));


    public static string Event(string name) => name switch
    {
        "TenderOpened" => Text("opdracht-geopend"),
        "OptInOpened" => Text("open-voor-deelname"),
        "LotAdded" => Text("perceel-toegevoegd"),
        "LotChanged" => Text("perceel-gewijzigd"),
        "LotRemoved" => Text("perceel-verwijderd"),
        "OptedIn" => Text("deelname"),
        "OptInChanged" => Text("deelname-gewijzigd"),
        "OptInWithdrawn" => Text("deelname-ingetrokken"),
        "OptInClosed" => Text("deelname-afgesloten"),
        "TenderPublished" => Text("bekendgemaakt"),
        "LotAwarded" => Text("perceel-gegund"),
        "LotNotAwarded" => Text("perceel-niet-gegund"),
        "TenderCancelled" => Text("opdracht-stopgezet"),
        "LotTerminated" => Text("perceel-beeindigd"),
        "LotRenewed" => Text("perceel-verlengd"),
        "LotEnded" => Text("perceel-afgelopen"),
        "RenewalBecameDue" => Text("verlenging-te-beslissen"),
        "RenewalDeclined" => Text("verlenging-geweigerd"),
        "LotNotRenewed" => Text("opgezegd-niet-verlengd"),
        "DecisionRecorded" => Text("besluit-geregistreerd"),
        "DecisionSupervised" => Text("besluit-toezicht"),
        "OrderRecorded" => Text("bestelling"),
        "ShareCeilingRaised" => Text("aandeel-verhoogd-2"),
        _ => name,
    };

    /// <summary>What a decision is about, with its lot and renewal.</summary>
    public static string DecisionKind(string kind, int? lot, int? renewal) => kind switch
    {
        "Conditions" => Text("besluit-voorwaarden"),
        "Award" => Text("besluit-gunning", lot),
        "Renewal" => Text("besluit-verlenging", renewal, lot),
        _ => kind,
    };

    /// <summary>A kind of decision as the form offers it, without its lot.</summary>
    public static string Arrangement(string arrangement) => arrangement switch
    {
        "Joint" => Text("gezamenlijke-opdracht-elk-bestuur-beslist"),
        "OnBehalf" => Text("opdrachtencentrale-leidend-bestuur-koopt-voor"),
        _ => arrangement,
    };

    public static string Agreement(string agreement) => agreement switch
    {
        "Fixed" => Text("vaste-opdracht"),
        "Framework" => Text("raamovereenkomst"),
        _ => agreement,
    };

    public static string DecisionKindName(string kind) => kind switch
    {
        "Conditions" => Text("besluit-voorwaarden"),
        "Award" => Text("gunningsbesluit"),
        "Renewal" => Text("verlengingsbesluit"),
        _ => kind,
    };

    /// <summary>The deciding bodies, in the order the form offers them.</summary>
    public static readonly string[] DecidingBodies = ["MunicipalCouncil", "College", "SocialWelfareCouncil", "StandingBureau", "Other"];

    public static string DecidingBody(string body, string? name = null) => body switch
    {
        "MunicipalCouncil" => Text("gemeenteraad"),
        "College" => Text("college-van-burgemeester-en-schepenen"),
        "SocialWelfareCouncil" => Text("raad-voor-maatschappelijk-welzijn"),
        "StandingBureau" => Text("vast-bureau"),
        "Other" => name ?? Text("ander-orgaan"),
        _ => body,
    };

    /// <summary>A decision's standing; null is a decision not taken yet.</summary>
    public static string DecisionStanding(string? standing) => standing switch
    {
        "InForce" => Text("van-kracht"),
        "Suspended" => Text("geschorst"),
        "Annulled" => Text("vernietigd"),
        _ => Text("ontbreekt"),
    };

    /// <summary>A planned measure's standing, with the year it was done or dropped.</summary>
    public static string MeasureStatus(string status, int? closedIn) => status switch
    {
        "Done" => Text("uitgevoerd-in", closedIn),
        "Dropped" => Text("geschrapt-in", closedIn),
        _ => Text("gepland"),
    };
}
