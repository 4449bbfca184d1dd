namespace Aankopen.Domain;

/// <summary>Something a person should know before going on, in Dutch and French; unlike a refusal it stops nothing.</summary>
public sealed record Warning(string Code, string Nl, string Fr);
