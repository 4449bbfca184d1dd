using System.Security.Cryptography;
using System.Text;

namespace Aankopen.Store.Notifications;

/// <summary>
/// Message ids derived from the stored event and the addressee, never random: when the relay sends an event again
/// (after a crash, a broker outage or a rewind) the copy carries the same id and receivers can drop it.
/// </summary>
public static class MessageIds
{
    public static Guid For(Guid eventId, string addressee)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}/{addressee}"), hash);
        var bytes = hash[..16].ToArray();
        // Mark it as an RFC 9562 version 8 (custom) UUID so it cannot be mistaken for a random or time-based one.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
