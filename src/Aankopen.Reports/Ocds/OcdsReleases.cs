using System.Globalization;
using System.Text.Json.Nodes;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Tenders;

namespace Aankopen.Reports.Ocds;

/// <summary>
/// A tender's history as Open Contracting Data Standard 1.1 releases: one release per recorded fact, each a full
/// picture of the tender at that moment (so the last one is also the compiled release), tagged with what changed.
/// Parties are the invited administrations (buyers; the lead also procuring entity) and the suppliers. The standard
/// has one buyer per release; the lead administration is that buyer, and each administration's share of an award is
/// in the award's <c>buyerShares</c>, a field of this service's own. Lots follow the lots extension and are linked
/// from items, awards and contracts by <c>relatedLots</c>. The fields of this service's own (<c>buyerShares</c>,
/// <c>agreementKind</c>, a contract's <c>orders</c>, a milestone's <c>relatedLots</c>) are declared in the local extension
/// (contracts/ocds), which every package names beside the lots extension (<see cref="Extensions"/>).
/// </summary>
public static class OcdsReleases
{
    /// <summary>The community's lots extension, at the version whose fields the releases use.</summary>
    public const string LotsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";

    /// <summary>Where the API serves the local extension's files, below its own address.</summary>
    /// <remarks>Outside <c>/api</c>, like the API's own description: public, it holds no data.</remarks>
    public const string LocalExtensionPath = "ocds/extension.json";

    /// <summary>The extensions a package declares: the lots extension and the local one, at the API's address.</summary>
    public static JsonArray Extensions(string apiBase) => new(LotsExtension, apiBase.TrimEnd('/') + "/" + LocalExtensionPath);

    /// <summary>A file of the local extension (extension.json or release-schema.json); null for any other name.</summary>
    public static Stream? ExtensionFile(string name) => name is "extension.json" or "release-schema.json"
        ? typeof(OcdsReleases).Assembly.GetManifestResourceStream($"ocds/{name}")
        : null;

    /// <param name="removed">Lots removed before this fact: still in the release, cancelled, so that a record compiled by
    /// the merge rules (which never drop an object once released) does not show them as active.</param>
    public static JsonObject Release(string ocid, JointTender tender, long version, object fact, DateTimeOffset date, IReadOnlyDictionary<string, Administration> administrations,
        IReadOnlyCollection<Lot>? removed = null) =>
        WithoutEmptyLists(new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = $"{ocid}-{version:D4}",
            ["date"] = Timestamp(date),
            ["tag"] = new JsonArray([.. TagsOf(fact, tender).Select(t => (JsonNode)t)]),
            ["initiationType"] = "tender",
            ["language"] = "nl",
            ["parties"] = Parties(tender, administrations),
            ["buyer"] = PartyReference(PartyIdOf(tender.LeadAdministration, administrations), NameOf(tender.LeadAdministration, administrations)),
            ["tender"] = Tender(tender, administrations, removed ?? []),
            ["awards"] = new JsonArray([.. tender.Lots.Values.Where(l => l.Award is not null || l.Status == LotStatus.NotAwarded).Select(l => (JsonNode)Award(l, administrations))]),
            ["contracts"] = new JsonArray([.. tender.Lots.Values.Where(l => l.Award is not null).Select(l => (JsonNode)Contract(l, administrations))]),
        });

    /// <summary>
    /// Leaves out empty arrays and objects at any depth, as the standard asks of publishers (the community's checks
    /// report each one): a tender without lots yet has no lots field rather than an empty list.
    /// </summary>
    /// <remarks>Only empty ones: once released, a list never becomes empty again (lots are cancelled, not dropped), so
    /// no compiled release keeps a value a later release meant to clear.</remarks>
    private static JsonObject WithoutEmptyLists(JsonObject node)
    {
        foreach (var (key, value) in node.ToArray())
        {
            if (value is JsonObject child)
                WithoutEmptyLists(child);
            else if (value is JsonArray list)
                foreach (var item in list.OfType<JsonObject>())
                    WithoutEmptyLists(item);
            if (value is JsonArray { Count: 0 } or JsonObject { Count: 0 })
                node.Remove(key);
        }
        return node;
    }

    /// <summary>What a fact changed, from the release tag codelist.</summary>
    public static string[] TagsOf(object fact, JointTender after) => fact switch
    {
        TenderOpened e => [e.IsDraft ? "planning" : "tender"],
        OptInOpened => ["tender"],
        LotAdded or LotChanged or LotRemoved or OptedIn or OptInWithdrawn or OptInClosed or TenderPublished => [after.Status == TenderStatus.Draft ? "planningUpdate" : "tenderUpdate"],
        TenderCancelled => ["tenderCancellation"],
        LotAwarded => ["award", "contract"],
        LotNotAwarded => ["award"],
        LotRenewed => ["contractAmendment"],
        LotTerminated or LotEnded => ["contractTermination"],
        RenewalBecameDue or RenewalDeclined or LotNotRenewed or ShareCeilingRaised => ["contractUpdate"],
        OrderRecorded => ["implementationUpdate"],
        _ => ["tenderUpdate"],
    };

    /// <summary>From the tender status codelist: the opt-in phase is planning; publication makes it active.</summary>
    public static string StatusOf(JointTender tender) => tender.Status switch
    {
        TenderStatus.Draft or TenderStatus.OpenForOptIn or TenderStatus.OptInClosed => "planning",
        TenderStatus.Cancelled => "cancelled",
        _ when tender.Lots.Count > 0 && tender.Lots.Values.All(l => l.Status is LotStatus.Dropped or LotStatus.NotAwarded) => "unsuccessful",
        _ when tender.Lots.Count > 0 && tender.Lots.Values.All(l => l.Status != LotStatus.Open) => "complete",
        _ => "active",
    };

    private static string LotStatusOf(Lot lot) => lot.Status switch
    {
        LotStatus.Open => "active",
        LotStatus.Dropped => "cancelled",
        LotStatus.NotAwarded => "unsuccessful",
        _ => "complete",
    };

    /// <summary>The procurement method codelist; the Belgian procedure itself is in procurementMethodDetails.</summary>
    public static string MethodOf(string procedure) => Enum.TryParse<Procedure>(procedure, out var p) ? p switch
    {
        Procedure.Open => "open",
        Procedure.Restricted or Procedure.CompetitiveProcedureWithNegotiation or Procedure.NegotiatedWithPriorPublication => "selective",
        Procedure.NegotiatedWithoutPriorPublication => "limited",
        _ => "direct",
    } : "direct";

    private static JsonObject Tender(JointTender tender, IReadOnlyDictionary<string, Administration> administrations, IReadOnlyCollection<Lot> removed)
    {
        var lots = tender.Lots.Values.ToArray();
        // A number can be removed, given again and removed again: the release names each lot id once, as last removed.
        var gone = removed.Where(r => !tender.Lots.ContainsKey(r.Number)).GroupBy(r => r.Number).Select(g => g.Last()).ToArray();
        return new JsonObject
        {
            ["id"] = tender.Reference,
            ["title"] = tender.TitleNl,
            ["title_fr"] = tender.TitleFr,
            ["status"] = StatusOf(tender),
            ["procurementMethod"] = MethodOf(tender.Procedure),
            ["procurementMethodDetails"] = tender.Procedure,
            ["mainProcurementCategory"] = tender.Subject switch
            {
                ContractSubject.Supplies => "goods",
                ContractSubject.Works => "works",
                _ => "services",
            },
            ["classification"] = Cpv(tender.MainCpv),
            ["value"] = Amount(lots.Sum(l => l.EstimatedValueExclVat)),
            ["lots"] = new JsonArray([.. lots.Concat(gone).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = LotId(l), ["title"] = l.Title, ["status"] = gone.Contains(l) ? "cancelled" : LotStatusOf(l), ["value"] = Amount(l.EstimatedValueExclVat),
            })]),
            ["items"] = new JsonArray([.. lots.Concat(gone).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = $"item-{l.Number}", ["description"] = l.Title, ["classification"] = Cpv(l.Cpv), ["relatedLot"] = LotId(l),
            })]),
            ["milestones"] = new JsonArray([.. tender.Decisions.Select(d => (JsonNode)Milestone(d, administrations))]),
        };
    }

    /// <summary>
    /// Each administration's decision as an approval milestone, met on the day its body decided; one suspended or
    /// annulled by the supervising authority is not met, and says so. Award and renewal decisions name their lot.
    /// </summary>
    private static JsonObject Milestone(TenderDecision d, IReadOnlyDictionary<string, Administration> administrations)
    {
        var milestone = new JsonObject
        {
            ["id"] = $"decision-{d.Number}",
            ["title"] = $"{NameOf(d.Administration, administrations)}: {d.Kind switch
            {
                DecisionKind.Conditions => "deelname en voorwaarden",
                DecisionKind.Award => $"gunning perceel {d.LotNumber}",
                _ => $"verlenging {d.Renewal} van perceel {d.LotNumber}",
            }}",
            ["type"] = "approval",
            ["description"] = $"{d.BodyName ?? d.Body.ToString()}, {d.Reference}, {d.Standing}",
            ["status"] = d.Standing == DecisionStanding.InForce ? "met" : "notMet",
            ["dateMet"] = Timestamp(new DateTimeOffset(d.DecidedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            ["dateModified"] = Timestamp(d.RecordedAt),
        };
        if (d.LotNumber is { } lot)
            milestone["relatedLots"] = new JsonArray(lot.ToString(CultureInfo.InvariantCulture));
        return milestone;
    }

    private static JsonObject Award(Lot lot, IReadOnlyDictionary<string, Administration> administrations) => lot.Award is { } award
        ? new JsonObject
        {
            ["id"] = $"award-{lot.Number}",
            ["status"] = "active",
            ["date"] = Timestamp(award.AwardedAt),
            ["value"] = Amount(award.AmountExclVat),
            ["suppliers"] = new JsonArray(PartyReference(SupplierPartyId(award.SupplierId), award.SupplierName)),
            ["relatedLots"] = new JsonArray(LotId(lot)),
            ["contractPeriod"] = Period(award.ContractStart, award.ContractEnd),
            ["agreementKind"] = lot.IsFramework ? "framework" : "fixed",
            ["buyerShares"] = new JsonArray([.. award.Shares.Select(s => (JsonNode)new JsonObject
            {
                ["buyer"] = PartyReference(PartyIdOf(s.Administration, administrations), NameOf(s.Administration, administrations)),
                ["value"] = Amount(s.AmountExclVat),
            })]),
        }
        : new JsonObject
        {
            ["id"] = $"award-{lot.Number}",
            ["status"] = "unsuccessful",
            ["description"] = lot.Ending,
            ["relatedLots"] = new JsonArray(LotId(lot)),
        };

    private static JsonObject Contract(Lot lot, IReadOnlyDictionary<string, Administration> administrations)
    {
        var award = lot.Award!;
        var running = lot.Running;
        var contract = new JsonObject
        {
            ["id"] = $"contract-{lot.Number}",
            ["awardID"] = $"award-{lot.Number}",
            ["relatedLots"] = new JsonArray(LotId(lot)),
            ["status"] = lot.Status is LotStatus.Terminated or LotStatus.Ended ? "terminated" : "active",
            ["period"] = Period(running?.PeriodStart ?? award.ContractStart, lot.TerminatedOn ?? running?.PeriodEnd ?? award.ContractEnd),
            ["value"] = Amount(running?.AmountExclVat ?? award.AmountExclVat),
        };
        if (lot.IsFramework)
            contract["orders"] = new JsonArray([.. lot.Orders.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = $"order-{o.Number}",
                ["buyer"] = PartyReference(PartyIdOf(o.Administration, administrations), NameOf(o.Administration, administrations)),
                ["date"] = Timestamp(new DateTimeOffset(o.OrderedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
                ["value"] = Amount(o.AmountExclVat),
            })]);
        return contract;
    }

    private static JsonArray Parties(JointTender tender, IReadOnlyDictionary<string, Administration> administrations)
    {
        var parties = new JsonArray();
        foreach (var code in tender.InvitedAdministrations.Append(tender.LeadAdministration).Distinct())
        {
            var roles = new JsonArray("buyer");
            if (code == tender.LeadAdministration)
                roles.Add("procuringEntity");
            var party = new JsonObject { ["id"] = PartyIdOf(code, administrations), ["name"] = NameOf(code, administrations), ["roles"] = roles };
            if (administrations.TryGetValue(code, out var a) && EnterpriseNumber.TryParse(a.EnterpriseNumber, out var number))
                party["identifier"] = new JsonObject { ["scheme"] = "BE-BCE_KBO", ["id"] = number.Value.Digits, ["legalName"] = a.NameNl };
            parties.Add(party);
        }
        foreach (var award in tender.Lots.Values.Select(l => l.Award).OfType<Award>().DistinctBy(a => a.SupplierId))
        {
            var party = new JsonObject
            {
                ["id"] = SupplierPartyId(award.SupplierId),
                ["name"] = award.SupplierName,
                ["roles"] = new JsonArray("supplier"),
            };
            // Belgian suppliers by enterprise number (org-id.guide BE-BCE_KBO); others by their VAT id as written.
            party["identifier"] = EnterpriseNumber.TryParse(award.SupplierId, out var number)
                ? new JsonObject { ["scheme"] = "BE-BCE_KBO", ["id"] = number.Value.Digits, ["legalName"] = award.SupplierName }
                : new JsonObject { ["id"] = award.SupplierId, ["legalName"] = award.SupplierName };
            parties.Add(party);
        }
        return parties;
    }

    private static string PartyIdOf(string code, IReadOnlyDictionary<string, Administration> administrations) =>
        administrations.TryGetValue(code, out var a) && EnterpriseNumber.TryParse(a.EnterpriseNumber, out var number) ? $"BE-BCE_KBO-{number.Value.Digits}" : $"aankopen-{code}";

    private static string NameOf(string code, IReadOnlyDictionary<string, Administration> administrations) =>
        administrations.TryGetValue(code, out var a) ? a.NameNl : code;

    private static string SupplierPartyId(string supplierId) =>
        EnterpriseNumber.TryParse(supplierId, out var number) ? $"BE-BCE_KBO-{number.Value.Digits}" : $"VAT-{supplierId}";

    private static JsonObject PartyReference(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static string LotId(Lot lot) => lot.Number.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Cpv(string code) => new() { ["scheme"] = "CPV", ["id"] = code[..8] };

    private static JsonObject Amount(decimal amount) => new() { ["amount"] = amount, ["currency"] = "EUR" };

    private static JsonObject Period(DateOnly start, DateOnly end) => new()
    {
        ["startDate"] = Timestamp(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        ["endDate"] = Timestamp(new DateTimeOffset(end.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)),
    };

    /// <summary>OCDS date-times: UTC, to the second.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
