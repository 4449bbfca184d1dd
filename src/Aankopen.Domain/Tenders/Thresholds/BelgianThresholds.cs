namespace Aankopen.Domain.Tenders.Thresholds;

/// <summary>
/// The ceilings of the Belgian procedures for a municipality, an OCMW/CPAS or another local authority (a sub-central
/// contracting authority in EU terms), from the entry into force of the law of 17 June 2016 on public procurement and
/// the royal decree of 18 April 2017 on placement (30 June 2017).
/// <list type="bullet">
/// <item>Accepted invoice: an estimate below 30,000 euro (law of 17 June 2016, art. 92).</item>
/// <item>Negotiated procedure without prior publication for its value: an expenditure below the EU threshold for
/// central government supplies and services, which applies to every authority (law art. 42 §1, 1° a; royal decree of
/// 18 April 2017, art. 90, 1°, adapted by ministerial decree with each EU revision).</item>
/// <item>Negotiated procedure with prior publication: supplies and services below the EU threshold for sub-central
/// authorities (law art. 41 §1, 1°), works below 750,000 euro (art. 41 §1, 2°), social and other specific services
/// below their EU threshold of 750,000 euro (Directive 2014/24/EU art. 4(d)).</item>
/// </list>
/// The EU thresholds (Directive 2014/24/EU art. 4, copied into art. 11 of the royal decree) are revised every two years
/// by a Commission delegated regulation, applicable from 1 January. After <see cref="KnownUntil"/> the next revision
/// must be added here; a tender opened later gets a warning that its thresholds are not known.
/// </summary>
public static class BelgianThresholds
{
    public static readonly DateOnly InForce = new(2017, 6, 30);
    public static readonly DateOnly KnownUntil = new(2027, 12, 31);

    private static readonly ContractSubject[] SuppliesAndServices = [ContractSubject.Supplies, ContractSubject.Services];
    private static readonly ContractSubject[] Everything = [ContractSubject.Supplies, ContractSubject.Services, ContractSubject.Works, ContractSubject.SocialServices];

    /// <summary>One revision of the EU thresholds: its period, the regulation, central and sub-central supplies and services.</summary>
    private sealed record EuRevision(DateOnly From, DateOnly To, string Regulation, decimal Central, decimal SubCentral);

    private static readonly EuRevision[] Revisions =
    [
        new(InForce, new(2017, 12, 31), "Delegated Regulation (EU) 2015/2170", 135_000m, 209_000m),
        new(new(2018, 1, 1), new(2019, 12, 31), "Delegated Regulation (EU) 2017/2365", 144_000m, 221_000m),
        new(new(2020, 1, 1), new(2021, 12, 31), "Delegated Regulation (EU) 2019/1828", 139_000m, 214_000m),
        new(new(2022, 1, 1), new(2023, 12, 31), "Delegated Regulation (EU) 2021/1952", 140_000m, 215_000m),
        new(new(2024, 1, 1), new(2025, 12, 31), "Delegated Regulation (EU) 2023/2495", 143_000m, 221_000m),
        new(new(2026, 1, 1), KnownUntil, "Delegated Regulation (EU) 2025/2152", 140_000m, 216_000m),
    ];

    public static readonly IReadOnlyList<LegalThreshold> All =
    [
        new("AcceptedInvoice", Everything, InForce, null, 30_000m, "wet van 17 juni 2016, art. 92 / loi du 17 juin 2016, art. 92"),
        .. Revisions.Select(r => new LegalThreshold("NegotiatedWithoutPriorPublication", Everything, r.From, r.To, r.Central,
            $"wet van 17 juni 2016, art. 42 §1, 1° a, en KB van 18 april 2017, art. 90, 1° / loi du 17 juin 2016, art. 42 §1er, 1° a, et AR du 18 avril 2017, art. 90, 1° ({r.Regulation})")),
        .. Revisions.Select(r => new LegalThreshold("NegotiatedWithPriorPublication", SuppliesAndServices, r.From, r.To, r.SubCentral,
            $"wet van 17 juni 2016, art. 41 §1, 1° / loi du 17 juin 2016, art. 41 §1er, 1° (Richtlijn/Directive 2014/24/EU art. 4(c), {r.Regulation})")),
        new("NegotiatedWithPriorPublication", [ContractSubject.Works], InForce, null, 750_000m,
            "wet van 17 juni 2016, art. 41 §1, 2° / loi du 17 juin 2016, art. 41 §1er, 2°"),
        new("NegotiatedWithPriorPublication", [ContractSubject.SocialServices], InForce, null, 750_000m,
            "Richtlijn/Directive 2014/24/EU art. 4(d); wet van 17 juni 2016, art. 41 §1, 1° / loi du 17 juin 2016, art. 41 §1er, 1°"),
    ];
}
