using System.Text.RegularExpressions;

namespace Aankopen.Reports.Ocds;

/// <summary>
/// <c>Exports:OcidPrefix</c>: the prefix the Open Contracting Partnership registered for this publisher
/// (<c>ocds-</c> and six letters or digits; the default <c>ocds-aankpn</c> is a placeholder until one is registered).
/// <c>Exports:Publisher</c>: who publishes the data (default the lead administration's group, "Aankopen").
/// <c>Exports:PublicAddress</c>: the API's address as the open-data portal reaches it, for the packages' <c>uri</c> and
/// the local extension's address; without it they are the request's own (whose Host header a caller chooses).
/// </summary>
public sealed partial record OcdsSettings(string OcidPrefix, string Publisher, Uri? PublicAddress = null)
{
    [GeneratedRegex("^ocds-[a-z0-9]{6}$")]
    private static partial Regex Prefix();

    /// <summary>The settings as configured (null where not), or an exception naming what is wrong.</summary>
    public static OcdsSettings From(string? ocidPrefix, string? publisher, string? publicAddress = null)
    {
        Uri? address = null;
        if (publicAddress is not null && !(Uri.TryCreate(publicAddress.EndsWith('/') ? publicAddress : publicAddress + "/", UriKind.Absolute, out address)
                && address.Scheme is "https" or "http" && string.IsNullOrEmpty(address.Query) && string.IsNullOrEmpty(address.Fragment)))
            throw new InvalidOperationException(
                $"Exports:PublicAddress is '{publicAddress}'; give the API's address as the portal reaches it (https://... without query), or leave it out.");
        var settings = new OcdsSettings(ocidPrefix ?? "ocds-aankpn", publisher ?? "Aankopen", address);
        if (!Prefix().IsMatch(settings.OcidPrefix))
            throw new InvalidOperationException(
                $"Exports:OcidPrefix is '{settings.OcidPrefix}'; use the prefix registered with the Open Contracting Partnership: ocds- and six lower-case letters or digits (e.g. ocds-213czf).");
        if (string.IsNullOrWhiteSpace(settings.Publisher) || settings.Publisher.Length > 200)
            throw new InvalidOperationException("Exports:Publisher must name the publisher (1 to 200 characters).");
        return settings;
    }

    public string OcidOf(Guid tenderId) => $"{OcidPrefix}-{tenderId:D}";

    /// <summary>The address a package names for a path of the API: below the public address when there is one.</summary>
    public string AddressOf(string scheme, string host, string pathBase, string path) =>
        PublicAddress is { } configured ? new Uri(configured, path.TrimStart('/')).ToString() : $"{scheme}://{host}{pathBase}{path}";
}
