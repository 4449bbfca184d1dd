using Aankopen.Contracts.Api.V1;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

public static class JoinedMembership
{
    /// <summary>A membership of the OCMW in a central registered for the test: the answer (with its ETag) and its view.</summary>
    public static async Task<(HttpResponseMessage Joined, MembershipView Membership)> OfOcmwAsync(RunningSystem system)
    {
        var central = $"HX-{Random.Shared.Next(100_000, 999_999)}";
        (await system.Api.SendAsync(Write(HttpMethod.Post, "api/centrals", new RegisterCentralRequest(central, "a", "b", "0250.000.177", "Other"), null), Ct))
            .EnsureSuccessStatusCode();
        var joined = await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", new JoinCentralRequest("OCMW", central, "raad",
            new DateOnly(2026, 1, 5), "R/1", new ScopeDto(["Papier"], null), new DateOnly(2027, 1, 1), null, 3), null), Ct);
        return (joined, (await joined.Content.ReadFromJsonAsync<MembershipView>(Ct))!);
    }
}
