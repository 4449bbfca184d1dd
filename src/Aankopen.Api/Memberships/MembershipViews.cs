using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Memberships;

namespace Aankopen.Api.Memberships;

public static class MembershipViews
{
    public static MembershipView ToView(this CentralMembership m, long version) => new(
        m.Id, version, m.Administration, m.Central, m.DecidingBody, m.DecisionDate, m.DecisionReference,
        new ScopeDto(m.Scope.Categories, m.Scope.CpvDivisions), m.Start, m.End, m.NoticeMonths, m.NoticeDeadline, m.Terminated, m.EndReason);

    public static MembershipScope? ToScope(this ScopeDto? dto) => dto is null ? null : new MembershipScope(
        (dto.Categories ?? []).Select(c => c ?? "").ToArray(), dto.CpvDivisions ?? []);

    public static CentralView ToView(this PurchasingCentral c) => new(c.Id, c.NameNl, c.NameFr, c.EnterpriseNumber, c.Level.ToString());
}
