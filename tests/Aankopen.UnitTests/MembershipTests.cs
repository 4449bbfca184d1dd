using Aankopen.Domain;
using Aankopen.Domain.Memberships;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

public class MembershipTests
{
    private static readonly Guid Id = Guid.Parse("01a20000-0000-7000-8000-0000000000c1");
    private static readonly HashSet<string> Centrals = ["FOR-CMS", "VLAAMS-FACILITAIR"];
    private static readonly MembershipScope PaperAndIt = new(["Papier"], [30, 48]);

    private static JoinCentralCommand Join(DateOnly? start = null, DateOnly? end = null, MembershipScope? scope = null, string central = "FOR-CMS", int notice = 3) =>
        new(Id, "OCMW", central, "OCMW-raad", new DateOnly(2026, 9, 14), "RMW/2026/117", scope ?? PaperAndIt,
            start ?? new DateOnly(2027, 1, 1), end, notice, Cell);

    private static CentralMembership Member(DateOnly? end = null, int notice = 3) =>
        CentralMembership.Create((MembershipJoined)MembershipDeciders.Join(Join(end: end, notice: notice), Administrations, Centrals, [], Now).Events[0]);

    [Fact]
    public void Joining_records_the_decision_scope_and_period()
    {
        var joined = MembershipDeciders.Join(Join(end: new DateOnly(2029, 12, 31)), Administrations, Centrals, [], Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MembershipJoined>();

        joined.ShouldSatisfyAllConditions(j => j.Scope.CpvDivisions.ShouldBe([30, 48]), j => j.DecisionReference.ShouldBe("RMW/2026/117"),
            j => j.End.ShouldBe(new DateOnly(2029, 12, 31)), j => j.JoinedBy.ShouldBe(Cell));
    }

    [Fact]
    public void Every_problem_with_a_join_is_reported_at_once()
    {
        var decision = MembershipDeciders.Join(
            Join(end: new DateOnly(2026, 1, 1), scope: new MembershipScope([], [99]), central: "NOBODY", notice: 40) with { DecisionDate = new DateOnly(2027, 1, 1) },
            Administrations, Centrals, [], Now);

        decision.Errors.Select(e => e.Code).ShouldBe(
            ["central-unknown", "cpv-division-invalid", "decision-date-invalid", "membership-period-invalid", "notice-period-invalid"], ignoreOrder: true);
    }

    [Fact]
    public void A_scope_needs_categories_or_divisions()
    {
        MembershipDeciders.Join(Join(scope: new MembershipScope([], [])), Administrations, Centrals, [], Now)
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("scope-required");
    }

    [Fact]
    public void Two_memberships_of_the_same_central_cannot_overlap()
    {
        var error = MembershipDeciders.Join(Join(start: new DateOnly(2028, 1, 1)), Administrations, Centrals, [Member()], Now)
            .Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("membership-overlaps");
        MembershipDeciders.Join(Join(start: new DateOnly(2030, 1, 1)), Administrations, Centrals, [Member(end: new DateOnly(2029, 12, 31))], Now)
            .IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void Renewing_extends_the_end_and_an_earlier_end_is_refused()
    {
        var member = Member(end: new DateOnly(2029, 12, 31));

        MembershipDeciders.Renew(member, new DateOnly(2032, 12, 31), "RMW/2029/5", Cell, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<MembershipRenewed>().NewEnd.ShouldBe(new DateOnly(2032, 12, 31));
        MembershipDeciders.Renew(member, new DateOnly(2029, 6, 30), "RMW/2029/5", Cell, Now).Errors.ShouldHaveSingleItem().Code.ShouldBe("renewal-end-invalid");
        MembershipDeciders.Renew(Member(), null, "RMW/2029/5", Cell, Now).Errors.ShouldHaveSingleItem().Code.ShouldBe("membership-open-ended");
        // An end for an open-ended membership would shorten it, even to before its start.
        MembershipDeciders.Renew(Member(), new DateOnly(2020, 1, 1), "RMW/2029/5", Cell, Now).Errors.ShouldHaveSingleItem().Code.ShouldBe("membership-open-ended");
    }

    [Fact]
    public void Ending_respects_the_notice_period()
    {
        var member = Member(notice: 3);

        var error = MembershipDeciders.End(member, new DateOnly(2027, 1, 31), "Eigen raamcontract", Cell, Now).Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("notice-too-short");
        error.Nl.ShouldContain("20 februari 2027");
        MembershipDeciders.End(member, new DateOnly(2027, 2, 20), "Eigen raamcontract", Cell, Now).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void An_ended_membership_takes_no_more_changes()
    {
        var ended = Member().Apply(new MembershipEnded(Id, new DateOnly(2027, 6, 30), "Eigen raamcontract", Cell, Now));

        MembershipDeciders.ChangeScope(ended, PaperAndIt, "x", Cell, Now).Errors.ShouldHaveSingleItem().Code.ShouldBe("membership-ended");
        ended.ActiveOn(new DateOnly(2027, 6, 30)).ShouldBeTrue();
        ended.ActiveOn(new DateOnly(2027, 7, 1)).ShouldBeFalse();
    }

    [Fact]
    public void The_notice_deadline_counts_back_from_the_end_over_month_ends_and_leap_years()
    {
        Member(end: new DateOnly(2028, 5, 31), notice: 3).NoticeDeadline.ShouldBe(new DateOnly(2028, 2, 29));
        Member(end: new DateOnly(2027, 5, 31), notice: 3).NoticeDeadline.ShouldBe(new DateOnly(2027, 2, 28));
        Member().NoticeDeadline.ShouldBeNull();
    }

    [Theory]
    [InlineData("2027-03-01", "Papier", null, true, "lid van FOR-CMS")]
    [InlineData("2027-03-01", null, 48, true, "lid van FOR-CMS")]
    [InlineData("2027-03-01", "Brandstof", 9, false, "dekt dit niet")]
    [InlineData("2026-12-31", "Papier", null, false, "gaat pas in op 1 januari 2027")]
    [InlineData("2030-01-01", "Papier", null, false, "liep af op 31 december 2029")]
    public void May_buy_answers_with_the_reason(string on, string? category, int? division, bool allowed, string reason)
    {
        var (ok, said, _) = MembershipRules.MayBuy([Member(end: new DateOnly(2029, 12, 31))], "OCMW", "FOR-CMS", DateOnly.Parse(on), category, division);

        ok.ShouldBe(allowed);
        said.In(french: false).ShouldContain(reason);
        said.In(french: true).ShouldContain("FOR-CMS");
    }

    [Fact]
    public void Without_a_membership_the_answer_says_so()
    {
        var (ok, said, membership) = MembershipRules.MayBuy([], "GEMEENTE", "FOR-CMS", new DateOnly(2027, 3, 1), "Papier", null);

        ok.ShouldBeFalse();
        said.In(french: false).ShouldContain("geen lid");
        membership.ShouldBeNull();
    }

    [Fact]
    public void The_fold_replays_scope_changes_and_renewals()
    {
        var state = CentralMembership.Fold([
            MembershipDeciders.Join(Join(end: new DateOnly(2029, 12, 31)), Administrations, Centrals, [], Now).Events[0],
            new MembershipScopeChanged(Id, new MembershipScope(["Papier", "Energie"], [9]), "RMW/2027/3", Cell, Now),
            new MembershipRenewed(Id, null, "RMW/2029/5", Cell, Now),
        ])!;

        state.Scope.Categories.ShouldBe(["Papier", "Energie"]);
        state.End.ShouldBeNull();
        state.DecisionReference.ShouldBe("RMW/2029/5");
        CpvCode.IsDivision(9).ShouldBeTrue();
    }

    [Fact]
    public void The_finance_message_of_a_change_carries_the_whole_membership_for_its_administration_only()
    {
        var member = Member(end: new DateOnly(2029, 12, 31));
        var renewed = new MembershipRenewed(Id, new DateOnly(2032, 12, 31), "RMW/2029/5", Cell, Now);
        var central = new PurchasingCentral("FOR-CMS", "Federale aankoopcentrale", "Centrale d'achat fédérale", "0250.000.177", CentralLevel.Federal, Cell, Now);

        var message = Worker.Notifications.MembershipMessages.For(member.Apply(renewed), renewed, central, Guid.CreateVersion7(), "corr").ShouldNotBeNull();

        message.ShouldSatisfyAllConditions(
            m => m.AdministrationCode.ShouldBe("OCMW"), m => m.Change.ShouldBe(Contracts.Finance.V1.MembershipChange.Renewed),
            m => m.End.ShouldBe(new DateOnly(2032, 12, 31)), m => m.Categories.ShouldBe(["Papier"]), m => m.CpvDivisions.ShouldBe([30, 48]),
            m => m.CentralNameFr.ShouldBe("Centrale d'achat fédérale"), m => m.BusinessKey.ShouldBe($"membership/{m.MessageId}"));
    }
}
