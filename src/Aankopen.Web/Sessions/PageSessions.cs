using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace Aankopen.Web.Sessions;

/// <summary>A person's session on the pages, kept in the database: its tokens, encrypted, until it ends.</summary>
public sealed record PageSession(string Id, byte[] Ticket, DateTimeOffset Expires);

/// <summary>
/// The sessions of the pages live here, not in the cookie: the cookie carries only a random key. Signing out deletes
/// the session, so a cookie kept from before (copied, stolen, or replayed) opens nothing afterwards, on any replica.
/// The tokens in a session (access, refresh, identity) are encrypted with the deployment's key ring.
/// </summary>
public sealed class PageSessions(IDocumentStore store, IDataProtectionProvider protection, TimeProvider clock, TimeSpan longest) : ITicketStore
{
    // The purpose the sessions were sealed with when the pages were part of the API: sessions survive the move.
    private readonly IDataProtector protector = protection.CreateProtector("Aankopen.Api.Web.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        await using var session = store.LightweightSession();
        // Ended sessions nobody signed out of go when new ones come.
        session.DeleteWhere<PageSession>(s => s.Expires < clock.GetUtcNow());
        session.Store(Seal(key, ticket));
        await session.SaveChangesAsync();
        return key;
    }

    /// <summary>
    /// Renews a session that still exists, never one that was signed out meanwhile: a request that began before the
    /// sign-out and renews its tokens after it must not bring the session back.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var session = store.LightweightSession();
        session.Update(Seal(key, ticket));
        try
        {
            await session.SaveChangesAsync();
        }
        catch (Marten.Exceptions.NonExistentDocumentException)
        {
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<PageSession>(key);
        if (stored is null || stored.Expires <= clock.GetUtcNow())
            return null;
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(stored.Ticket));
        }
        catch (CryptographicException)
        {
            // Sealed with a key the key ring no longer has: the person signs in again.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var session = store.LightweightSession();
        session.Delete<PageSession>(key);
        await session.SaveChangesAsync();
    }

    /// <summary>Sealed until the session's end: when it began (it is kept in the ticket) plus the longest a session lasts.</summary>
    private PageSession Seal(string key, AuthenticationTicket ticket) =>
        new(key, protector.Protect(TicketSerializer.Default.Serialize(ticket)), SessionRenewal.EndOf(ticket.Properties, longest, clock.GetUtcNow()));

    /// <summary>The cookie handler keeps its sessions here.</summary>
    public static void Use(IServiceCollection services, TimeSpan longest)
    {
        services.ConfigureMarten(o => o.Schema.For<PageSession>());
        services.AddOptions<CookieAuthenticationOptions>(Edge.Security.SignIn.Cookie).Configure<IDocumentStore, IDataProtectionProvider, TimeProvider>(
            (o, store, protection, clock) => o.SessionStore = new PageSessions(store, protection, clock, longest));
    }
}
