using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Aankopen.Web.Sessions;

/// <summary>A key of the deployment's key ring, as ASP.NET Core's data protection writes it.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// The keys that seal session cookies, sessions and anti-forgery tokens, shared by every replica through the database:
/// a person whose next request lands on another replica, or after a restart, stays signed in, and a form stays valid.
/// </summary>
public sealed class KeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Synchronous by its interface; read when the ring is first needed, then once a day or on a key it does not know.
        using var session = store.QuerySession();
        return [.. session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // Synchronous by its interface too; a new key is written every 90 days.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    public static void Use(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("aankopen");
        // The pages' documents are the pages' to register: the event store's set-up knows nothing of them.
        services.ConfigureMarten(o => o.Schema.For<DataProtectionKey>());
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((o, store) => o.XmlRepository = new KeyRing(store));
    }
}
