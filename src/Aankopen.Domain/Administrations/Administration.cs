namespace Aankopen.Domain.Administrations;

public enum AdministrationKind { City, Ocmw, PoliceZone, AutonomousCompany, Other }

/// <summary>
/// A legal entity with its own budget and finance system. <see cref="Code"/> is how messages to its finance system
/// are routed, so it is short, upper case and stable.
/// </summary>
public sealed record Administration(string Code, string NameNl, string NameFr, string EnterpriseNumber, AdministrationKind Kind);
