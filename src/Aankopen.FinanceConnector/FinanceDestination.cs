namespace Aankopen.FinanceConnector;

/// <summary>
/// One administration served by this connector: where its finance system is and the token it is called with (read
/// from the secret the registry names, never from the registry itself).
/// </summary>
public sealed record FinanceDestination(string Tenant, string Administration, Uri FinanceSystem, string? Token)
{
    public (string Tenant, string Administration) Key => (Tenant, Administration);

    /// <summary>Without the token: this is what logs and error messages show.</summary>
    public override string ToString() => $"{Administration} of tenant {Tenant} at {FinanceSystem}";
}
