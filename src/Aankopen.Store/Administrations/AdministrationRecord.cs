using Aankopen.Domain.Administrations;
using JasperFx;

namespace Aankopen.Store.Administrations;

/// <summary>
/// A registered administration as stored. <see cref="Version"/> is Marten's numeric revision: an update must name
/// the revision it was based on (If-Match), so two officers cannot overwrite each other's changes.
/// </summary>
public sealed class AdministrationRecord : IRevisioned
{
    public required string Id { get; set; }
    public required string NameNl { get; set; }
    public required string NameFr { get; set; }
    public required string EnterpriseNumber { get; set; }
    public required AdministrationKind Kind { get; set; }
    public required string RegisteredBy { get; set; }
    public required DateTimeOffset RegisteredAt { get; set; }
    public required string ChangedBy { get; set; }
    public required DateTimeOffset ChangedAt { get; set; }
    public int Version { get; set; }

    public Administration ToAdministration() => new(Id, NameNl, NameFr, EnterpriseNumber, Kind);

    /// <summary>An administration as first registered: registered and last changed by the same person at the same moment.</summary>
    public static AdministrationRecord Registered(Administration administration, string by, DateTimeOffset at) => new()
    {
        Id = administration.Code,
        NameNl = administration.NameNl,
        NameFr = administration.NameFr,
        EnterpriseNumber = administration.EnterpriseNumber,
        Kind = administration.Kind,
        RegisteredBy = by,
        RegisteredAt = at,
        ChangedBy = by,
        ChangedAt = at,
    };
}
