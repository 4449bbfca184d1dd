using System.Text.Json;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Reads which administrations the connector serves. With <c>Connector:Registry</c>, a JSON file (in Kubernetes a
/// ConfigMap) such as
/// <code>
/// { "administrations": [
///     { "tenant": "jette", "administration": "GEMEENTE", "financeSystem": "https://fin.jette.example/api/", "credential": "jette-gemeente" } ] }
/// </code>
/// where <c>credential</c>, if given, names a file in <c>Connector:SecretsDirectory</c> holding the bearer token
/// for that finance system. The file is read again every few seconds, so an administration is added, moved or
/// given a new token without restarting the connector or touching the others. Without a registry, the connector
/// serves the one administration of <c>Connector:Administration</c>.
/// </summary>
public static class DestinationRegistry
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record File(Entry[]? Administrations);

    private sealed record Entry(string? Tenant, string? Administration, string? FinanceSystem, string? Credential);

    /// <summary>The administrations to serve; throws, saying every problem, when the registry is not usable as a whole.</summary>
    public static IReadOnlyList<FinanceDestination> Read(ConnectorSettings settings)
    {
        if (settings.Registry is null)
            return [new FinanceDestination(settings.Tenant, settings.Administration, settings.FinanceSystemBaseUrl!, null)];
        File? file;
        try
        {
            file = JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(settings.Registry), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidOperationException($"The registry {settings.Registry} (Connector:Registry) cannot be read: {e.Message}", e);
        }
        var problems = new List<string>();
        var found = new List<FinanceDestination>();
        // A set, not a search of the list: every replica reads the registry every few seconds, and a search made
        // reading 2,000 administrations cost millions of comparisons each time.
        var listed = new HashSet<(string Tenant, string Administration)>();
        foreach (var (entry, index) in (file?.Administrations ?? []).Select((e, i) => (e, i)))
        {
            var where = $"administrations[{index}]";
            var tenant = entry.Tenant?.Trim() is { Length: > 0 } t ? t : "default";
            var code = entry.Administration?.Trim() ?? "";
            if (!FinanceRouting.IsValidTenant(tenant))
                problems.Add($"{where}.tenant is '{tenant}'; use 2 to 40 of a-z, 0-9 and '-', as the API knows the tenant.");
            if (!FinanceRouting.IsValidAdministration(code))
                problems.Add($"{where}.administration is '{code}'; use the administration's code (2 to 20 of A-Z, 0-9 and '-').");
            if (FinanceAddress(entry.FinanceSystem) is not { } address)
            {
                problems.Add($"{where}.financeSystem is '{entry.FinanceSystem}'; use the http(s) address of its finance system.");
                continue;
            }
            if (!listed.Add((tenant, code)))
                problems.Add($"{where} lists {code} of tenant {tenant} a second time; list each administration once.");
            found.Add(new FinanceDestination(tenant, code, address, Token(settings, entry.Credential, where, problems)));
        }
        if (found.Count == 0 && problems.Count == 0)
            problems.Add("it lists no administration; add at least one under \"administrations\".");
        if (problems.Count > 0)
            throw new InvalidOperationException($"The registry {settings.Registry} (Connector:Registry) is not usable: {string.Join(" ", problems)}");
        return found;
    }

    /// <summary>An absolute http(s) address; the contract's paths (<c>/commitments</c>, ...) are added after it.</summary>
    public static Uri? FinanceAddress(string? text) =>
        Uri.TryCreate(text?.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string? Token(ConnectorSettings settings, string? credential, string where, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(credential))
            return null;
        // A name, not a path: the registry must not be able to point at any file the connector can read.
        if (credential.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || credential.StartsWith('.'))
        {
            problems.Add($"{where}.credential is '{credential}'; name a file in {settings.SecretsDirectory} (letters, digits, '-', '_', '.').");
            return null;
        }
        var path = Path.Combine(settings.SecretsDirectory, credential);
        try
        {
            return System.IO.File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : throw new IOException("the file is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{where}.credential names {path}, which cannot be read ({e.Message}); put the finance system's token there (Connector:SecretsDirectory).");
            return null;
        }
    }
}
