namespace Aankopen.Domain.Memberships;

public enum CentralLevel { Federal, Regional, Provincial, Intermunicipal, Other }

/// <summary>A registered purchasing central (opdrachtcentrale), e.g. the federal FOR-CMS or a regional one.</summary>
public sealed record PurchasingCentral(string Id, string NameNl, string NameFr, string EnterpriseNumber, CentralLevel Level,
    string RegisteredBy, DateTimeOffset RegisteredAt);
